"""sigmoid written as exp(x) / (1 + exp(x)): inf / inf = nan for large positive pre-activations."""
EXERCISE = "LSTMCell"


def _sigmoid(x):
    return torch.exp(x) / (1 + torch.exp(x))


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = _sigmoid(f) * c + _sigmoid(i) * torch.tanh(g)
        h = _sigmoid(o) * torch.tanh(c)
        return h, (h, c)
