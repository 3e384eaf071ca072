"""The candidate cell values go through sigmoid instead of tanh (and can never be negative)."""
EXERCISE = "LSTMCell"
TITLE = "candidate cell values through sigmoid instead of tanh"
EXPLANATION = ("The gates i, f and o use sigmoid, values in (0, 1) that say how much; the candidate g uses tanh, "
               "values in (-1, 1), so the cell can be pushed down as well as up. With sigmoid the candidate is never "
               "negative (lesson 12: the LSTM cell).")


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.sigmoid(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
