"""c' = f * c + i: the input gate is added instead of gating the candidate."""
EXERCISE = "LSTMCell"
TITLE = "input gate added to the cell instead of gating the candidate: f * c + i"
EXPLANATION = ("The input gate decides how much of the candidate values g = tanh(g) to write into the cell: c' = f * "
               "c + i * g. Adding the gate itself writes a positive amount whatever the candidate says, so nothing "
               "negative is ever written (lesson 12: the LSTM cell).")


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
