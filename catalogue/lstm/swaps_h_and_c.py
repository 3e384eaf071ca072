"""forward returns the state as (c, h) instead of (h, c)."""
EXERCISE = "LSTMCell"
TITLE = "LSTMCell returns its state as (c, h) instead of (h, c)"
EXPLANATION = ("The state is (h, c), in torch's order: the next step reads its first element as h and its second as "
               "c, so swapped, the cell state goes through hh and the output becomes the memory. Return h', (h', c') "
               "(lesson 12: the LSTM cell).")


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (c, h)
