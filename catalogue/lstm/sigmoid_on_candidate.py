"""The candidate cell values go through sigmoid instead of tanh (and can never be negative)."""
EXERCISE = "LSTMCell"


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.sigmoid(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
