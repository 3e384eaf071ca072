"""LSTM always starts from zeros, ignoring the state it is given."""
EXERCISE = "LSTM"
TITLE = "LSTM ignores the state it is given and always starts from zeros"
EXPLANATION = ("Zeros are only the default: a state passed in is where the sequence continues from, for instance the "
               "last state of the previous chunk of a long text. Start from the given (h, c) and use zeros only when "
               "state is None (lesson 12: the LSTM).")


class LSTM(LSTM):
    def forward(self, x, state=None):
        return super().forward(x, None)
