"""tanh written out as (exp(x) - exp(-x)) / (exp(x) + exp(-x)): inf / inf = nan for large arguments.

exp overflows past about 89 in float32 and 710 in float64, for a gate's pre-activation or for the cell state.
"""
EXERCISE = "LSTMCell"


def _tanh(x):
    return (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x))


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * _tanh(g)
        h = torch.sigmoid(o) * _tanh(c)
        return h, (h, c)
