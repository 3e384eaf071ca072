"""LSTM makes its zero state once, at the first call, and reuses it: the first batch's size, whatever comes next."""
EXERCISE = "LSTM"


class LSTM(LSTM):
    def forward(self, x, state=None):
        if state is None:
            if getattr(self, "zeros", None) is None:
                self.zeros = x.new_zeros(x.shape[0], self.cell.hh.in_features)
            state = (self.zeros, self.zeros)
        outputs = []
        for t in range(x.shape[1]):
            out, state = self.cell(x[:, t], state)
            outputs.append(out)
        return torch.stack(outputs, dim=1), state
