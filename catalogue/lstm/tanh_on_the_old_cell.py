"""c' = f * tanh(c) + i * g: the old cell state is squashed before the forget gate scales it."""
EXERCISE = "LSTMCell"
TITLE = "old cell state squashed by tanh before the forget gate: f * tanh(c)"
EXPLANATION = ("The cell is the LSTM's long-term memory and passes from step to step untouched except for the forget "
               "gate: c' = f * c + i * g. A tanh on the old cell squashes the memory at every step; tanh belongs on "
               "c' when making h' (lesson 12: the LSTM cell).")


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * torch.tanh(c) + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
