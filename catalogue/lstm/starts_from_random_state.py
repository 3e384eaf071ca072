"""With no state given, the sequence starts from a random (h, c) instead of zeros."""
EXERCISE = "LSTM"
NOT_DIAGNOSED = "its state comes from torch's generator as the call finds it: not replayable"
TITLE = "LSTM starts from a random (h, c) when no state is given"
EXPLANATION = ("With no state the sequence starts from zeros, as torch's LSTM does: nothing has been seen yet. A "
               "random start adds noise and draws from the generator, so results change from call to call. Use "
               "x.new_zeros(N, nh) (lesson 12: the LSTM).")


class LSTM(LSTM):
    def forward(self, x, state=None):
        if state is None:
            nh = self.cell.hh.in_features
            state = (torch.randn(x.shape[0], nh, dtype=x.dtype), torch.randn(x.shape[0], nh, dtype=x.dtype))
        return super().forward(x, state)
