"""Gates split in the order input, forget, output, cell, not torch's input, forget, cell, output."""
EXERCISE = "LSTMCell"
TITLE = "gates split as input, forget, output, cell (the lesson's order)"
EXPLANATION = ("The order only decides which rows of the weights feed which gate, and this assignment uses "
               "torch.nn.LSTMCell's weights, whose blocks are input, forget, cell (candidate), output: chunk(4, "
               "dim=1) into i, f, g, o, not the lesson notebook's i, f, o, g (lesson 12: the LSTM cell).")


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, o, g = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
