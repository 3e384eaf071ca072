"""LSTM copies the last (h, c) into the state tensors it was given (to carry them on): the caller's state changes."""
EXERCISE = "LSTM"


class LSTM(LSTM):
    def forward(self, x, state=None):
        outputs, (h, c) = super().forward(x, state)
        if state is not None:
            state[0].copy_(h)
            state[1].copy_(c)
        return outputs, (h, c)
