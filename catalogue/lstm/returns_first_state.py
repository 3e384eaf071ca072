"""LSTM returns the state after the first step instead of the last."""
EXERCISE = "LSTM"
TITLE = "LSTM returns the state after the first step instead of the last"
EXPLANATION = ("The state an LSTM returns is the one after the whole sequence, so the caller can continue from the "
               "end of it. Return the (h, c) of the last step (lesson 12: the LSTM).")


class LSTM(LSTM):
    def forward(self, x, state=None):
        if state is None:
            zeros = x.new_zeros(x.shape[0], self.cell.hh.in_features)
            state = (zeros, zeros)
        outputs, first = [], None
        for t in range(x.shape[1]):
            out, state = self.cell(x[:, t], state)
            first = first or state
            outputs.append(out)
        return torch.stack(outputs, dim=1), first
