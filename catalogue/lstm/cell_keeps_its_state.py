"""LSTMCell remembers its last (h, c) and uses them on later calls instead of the state it is given."""
EXERCISE = "LSTMCell"


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = getattr(self, "state", None) or state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        self.state = (h.detach(), c.detach())
        return h, (h, c)
