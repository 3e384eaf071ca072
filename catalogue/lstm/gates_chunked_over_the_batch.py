"""The four gates are chunked along dim 0 (the batch) instead of dim 1 (the features)."""
EXERCISE = "LSTMCell"


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=0)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
