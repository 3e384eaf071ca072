"""Gates split in the order input, forget, output, cell, not torch's input, forget, cell, output."""
EXERCISE = "LSTMCell"


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, o, g = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
