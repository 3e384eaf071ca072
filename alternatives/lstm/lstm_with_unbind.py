"""LSTM iterating over x.unbind(1) and preallocating zeros with torch.zeros."""
EXERCISE = "LSTM"


class LSTM(nn.Module):
    def __init__(self, ni, nh):
        super().__init__()
        self.nh = nh
        self.cell = LSTMCell(ni, nh)

    def forward(self, x, state=None):
        if state is None:
            h = torch.zeros(x.size(0), self.nh, dtype=x.dtype)
            state = (h, h.clone())
        outs = []
        for step in x.unbind(1):
            h, state = self.cell(step, state)
            outs.append(h.unsqueeze(1))
        return torch.cat(outs, 1), state
