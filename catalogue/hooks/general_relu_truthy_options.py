"""GeneralRelu tests `if self.maxv:` instead of `is not None`, so maxv=0.0 clamps nothing."""
EXERCISE = "GeneralRelu"
TITLE = "maxv tested for truth (`if maxv:`), so maxv=0.0 clamps nothing"
EXPLANATION = ("0.0 is a value, not a missing option: a GeneralRelu with maxv=0.0 must clamp at 0. `if self.maxv:` "
               "treats 0.0 like None; test `self.maxv is not None` (and likewise leak and sub) (lesson 10: "
               "GeneralRelu).")


class GeneralRelu(GeneralRelu):
    def forward(self, x):
        x = F.leaky_relu(x, self.leak) if self.leak else F.relu(x)
        if self.sub:
            x = x - self.sub
        if self.maxv:
            x = x.clamp_max(self.maxv)
        return x
