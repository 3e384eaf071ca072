"""LSTMCell updates the cell state with c *= f; c += i * g: augmented assignment writes into the caller's c."""
EXERCISE = "LSTMCell"


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c *= torch.sigmoid(f)
        c += torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
