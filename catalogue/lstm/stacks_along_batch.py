"""The outputs are stacked along dim 0 and then reshaped to (N, L, nh): time and batch get mixed."""
EXERCISE = "LSTM"
TITLE = "outputs stacked along dim 0, then reshaped to (N, L, nh)"
EXPLANATION = ("Stacking the per-step outputs along dim 0 gives (L, N, nh), and reshape only reinterprets memory, so "
               "batch and time get mixed. Stack along dim 1 for batch-first outputs: torch.stack(outputs, dim=1) "
               "(lesson 12: the LSTM).")


class LSTM(LSTM):
    def forward(self, x, state=None):
        if state is None:
            zeros = x.new_zeros(x.shape[0], self.cell.hh.in_features)
            state = (zeros, zeros)
        outputs = []
        for t in range(x.shape[1]):
            out, state = self.cell(x[:, t], state)
            outputs.append(out)
        return torch.stack(outputs, dim=0).reshape(x.shape[0], x.shape[1], -1), state
