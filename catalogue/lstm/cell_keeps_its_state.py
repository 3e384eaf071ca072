"""LSTMCell remembers its last (h, c) and uses them on later calls instead of the state it is given."""
EXERCISE = "LSTMCell"
TITLE = "LSTMCell keeps its last (h, c) and uses it instead of the state given"
EXPLANATION = ("A cell is a function of x and the state it is handed; the LSTM that drives it carries h and c from "
               "step to step. A remembered state mixes unrelated calls and sequences (and is detached, so no gradient "
               "flows back). Use the (h, c) passed in (lesson 12: the LSTM cell).")


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = getattr(self, "state", None) or state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        self.state = (h.detach(), c.detach())
        return h, (h, c)
