"""LSTM always starts from zeros, ignoring the state it is given."""
EXERCISE = "LSTM"


class LSTM(LSTM):
    def forward(self, x, state=None):
        return super().forward(x, None)
