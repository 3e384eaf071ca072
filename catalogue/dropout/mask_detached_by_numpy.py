"""The output is rebuilt through numpy, which cuts it off from autograd: no gradient reaches x."""
EXERCISE = "Dropout"
TITLE = "output rebuilt through numpy, cut off from autograd"
EXPLANATION = ("A round trip through .detach().numpy() and torch.from_numpy gives the right numbers but no graph, so "
               "no gradient reaches x and the layers below stop learning. Build the output with torch operations, x * "
               "mask / (1 - p), whose gradient is mask / (1 - p) (lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        keep = (torch.rand(x.shape) >= self.p).to(x.dtype)
        return torch.from_numpy((x.detach() * keep / (1 - self.p)).numpy())
