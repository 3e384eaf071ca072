"""LSTM feeds the initial state to every step: the new state is kept for the return but never passed on."""
EXERCISE = "LSTM"
TITLE = "initial state fed to every step instead of the previous step's"
EXPLANATION = ("Each step must start from the state the step before produced; that is what carries information along "
               "the sequence. Feeding the initial state every time makes each step see only its own input. Write out, "
               "state = self.cell(x[:, t], state) (lesson 12: the LSTM).")


class LSTM(LSTM):
    def forward(self, x, state=None):
        if state is None:
            zeros = x.new_zeros(x.shape[0], self.cell.hh.in_features)
            state = (zeros, zeros)
        outputs, last = [], state
        for t in range(x.shape[1]):
            out, last = self.cell(x[:, t], state)
            outputs.append(out)
        return torch.stack(outputs, dim=1), last
