"""LSTM keeps its last (h, c) on the module (as fastbook's stateful LMModel) and starts the next call from it.

With no state given, a call should start from zeros; this one starts from the detached state of the call before.
"""
EXERCISE = "LSTM"


class LSTM(LSTM):
    def forward(self, x, state=None):
        if state is None:
            state = getattr(self, "state", None)
        if state is None:
            zeros = x.new_zeros(x.shape[0], self.cell.hh.in_features)
            state = (zeros, zeros)
        outputs = []
        for t in range(x.shape[1]):
            out, state = self.cell(x[:, t], state)
            outputs.append(out)
        self.state = tuple(s.detach() for s in state)
        return torch.stack(outputs, dim=1), state
