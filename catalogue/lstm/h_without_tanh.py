"""h' = o * c' without the tanh."""
EXERCISE = "LSTMCell"
TITLE = "h' = o * c' without the tanh"
EXPLANATION = ("The output squashes the cell state before the output gate scales it: h' = o * tanh(c'), so h stays "
               "within (-1, 1) however large the long-term cell grows. Without the tanh, h follows c's magnitude "
               "(lesson 12: the LSTM cell).")


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * c
        return h, (h, c)
