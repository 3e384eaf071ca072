"""With no state given, the sequence starts from a random (h, c) instead of zeros."""
EXERCISE = "LSTM"


class LSTM(LSTM):
    def forward(self, x, state=None):
        if state is None:
            nh = self.cell.hh.in_features
            state = (torch.randn(x.shape[0], nh, dtype=x.dtype), torch.randn(x.shape[0], nh, dtype=x.dtype))
        return super().forward(x, state)
