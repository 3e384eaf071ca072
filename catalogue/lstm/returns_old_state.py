"""forward returns the new h but the old (h, c) as the state."""
EXERCISE = "LSTMCell"
TITLE = "LSTMCell returns the new h but the old (h, c) as its state"
EXPLANATION = ("The state a cell returns is what the next step starts from, so it must be the new (h', c'); handing "
               "back the old one makes every step forget what the previous steps computed. Return h', (h', c') "
               "(lesson 12: the LSTM cell).")


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h0, c0 = state
        i, f, g, o = (self.ih(x) + self.hh(h0)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c0 + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h0, c0)
