"""tanh written as (1 - exp(-2x)) / (1 + exp(-2x)): -inf / inf = nan for large negative arguments."""
EXERCISE = "LSTMCell"


def _tanh(x):
    e = torch.exp(-2 * x)
    return (1 - e) / (1 + e)


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * _tanh(g)
        h = torch.sigmoid(o) * _tanh(c)
        return h, (h, c)
