"""The four gates are chunked along dim 0 (the batch) instead of dim 1 (the features)."""
EXERCISE = "LSTMCell"
TITLE = "gates chunked along dim 0 (the batch) instead of dim 1"
EXPLANATION = ("ih(x) + hh(h) has shape (N, 4 * nh): the four gates are blocks of the features, so chunk(4, dim=1) "
               "gives each gate (N, nh). Chunking dim 0 splits the batch into four groups of examples instead (lesson "
               "12: the LSTM cell).")


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=0)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
