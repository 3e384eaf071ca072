"""c' = f * c.detach() + i * g: the old cell state is detached (as if truncating backpropagation through
time inside the cell), so no gradient reaches c, and the values still look right."""
EXERCISE = "LSTMCell"
TITLE = "old cell state detached: c' = f * c.detach() + i * g"
EXPLANATION = ("The values are right, but no gradient flows back through c, the path that lets an LSTM learn "
               "long-range dependencies. Truncating backpropagation through time is the training loop's job, between "
               "batches, not the cell's: use c as it is (lesson 12: the LSTM cell).")


class LSTMCell(LSTMCell):
    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c.detach() + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)
