"""c' = f * tanh(c) + i * g: the old cell state is squashed before the forget gate scales it."""
EXERCISE = "LSTMCell"


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * torch.tanh(c) + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
