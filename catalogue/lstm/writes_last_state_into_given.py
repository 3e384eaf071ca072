"""LSTM copies the last (h, c) into the state tensors it was given (to carry them on): the caller's state changes."""
EXERCISE = "LSTM"
TITLE = "LSTM copies its last state into the state tensors it was given"
EXPLANATION = ("copy_ overwrites the caller's h0 and c0, which it (and autograd) may still need. Return the last (h, "
               "c) as new tensors and let the caller decide what to carry on (lesson 12: the LSTM).")


class LSTM(LSTM):
    def forward(self, x, state=None):
        outputs, (h, c) = super().forward(x, state)
        if state is not None:
            state[0].copy_(h)
            state[1].copy_(c)
        return outputs, (h, c)
