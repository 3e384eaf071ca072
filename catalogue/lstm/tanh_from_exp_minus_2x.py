"""tanh written as (1 - exp(-2x)) / (1 + exp(-2x)): -inf / inf = nan for large negative arguments."""
EXERCISE = "LSTMCell"
TITLE = "tanh written as (1 - exp(-2x)) / (1 + exp(-2x))"
EXPLANATION = ("For a large negative pre-activation or cell state exp(-2x) overflows to inf, and -inf / inf is nan, "
               "while tanh only saturates to -1. Use torch.tanh (lesson 12: the LSTM cell).")


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
