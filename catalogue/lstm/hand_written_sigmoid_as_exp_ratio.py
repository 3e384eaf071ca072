"""sigmoid written as exp(x) / (1 + exp(x)): inf / inf = nan for large positive pre-activations."""
EXERCISE = "LSTMCell"
TITLE = "sigmoid written as exp(x) / (1 + exp(x))"
EXPLANATION = ("exp(x) is inf past about 89 in float32 (710 in float64), and inf / inf is nan, while sigmoid only "
               "saturates to 1. Use torch.sigmoid, or a form that cannot overflow such as 1 / (1 + exp(-x)) (lesson "
               "12: the LSTM cell).")


def _sigmoid(x):
    return torch.exp(x) / (1 + torch.exp(x))


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = _sigmoid(f) * c + _sigmoid(i) * torch.tanh(g)
        h = _sigmoid(o) * torch.tanh(c)
        return h, (h, c)
