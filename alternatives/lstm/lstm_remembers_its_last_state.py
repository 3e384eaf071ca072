"""LSTM that records its last state on the module (self.last_state) for inspection, but never starts from it."""
EXERCISE = "LSTM"


class LSTM(nn.Module):
    def __init__(self, ni, nh):
        super().__init__()
        self.cell = LSTMCell(ni, nh)
        self.last_state = None

    def forward(self, x, state=None):
        if state is None:
            nh = self.cell.hh.in_features
            state = (torch.zeros(x.shape[0], nh, dtype=x.dtype), torch.zeros(x.shape[0], nh, dtype=x.dtype))
        outputs = []
        for xt in x.transpose(0, 1):
            h, state = self.cell(xt, state)
            outputs.append(h)
        self.last_state = tuple(t.detach() for t in state)
        return torch.stack(outputs, 1), state
