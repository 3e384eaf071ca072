"""Dropout that ignores self.training: it keeps dropping at inference."""
EXERCISE = "Dropout"
TITLE = "self.training ignored: elements still dropped in eval mode"
EXPLANATION = ("Dropout regularises training only; at inference the model must use every activation, and since "
               "training already rescaled by 1 / (1 - p) there is nothing left to do. Return x unchanged when "
               "self.training is False (lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(x.shape) >= self.p).to(x.dtype) / (1 - self.p)
