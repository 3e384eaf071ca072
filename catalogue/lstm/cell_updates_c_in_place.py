"""LSTMCell updates the cell state with c *= f; c += i * g: augmented assignment writes into the caller's c."""
EXERCISE = "LSTMCell"
TITLE = "cell state updated in place (c *= f; c += i * g)"
EXPLANATION = ("Augmented assignment writes into the caller's c, which the caller (and autograd, for the backward "
               "pass) still needs. Compute a new tensor: c' = sigmoid(f) * c + sigmoid(i) * tanh(g) (lesson 12: the "
               "LSTM cell).")


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c *= torch.sigmoid(f)
        c += torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
