"""GeneralRelu clamps from below (clamp_min(maxv)) instead of from above."""
EXERCISE = "GeneralRelu"
TITLE = "GeneralRelu clamps from below with clamp_min(maxv)"
EXPLANATION = ("maxv is a ceiling: the output is min(leaky_relu(x, leak) - sub, maxv), which clamp_max(maxv) "
               "computes. clamp_min(maxv) raises every smaller value up to maxv instead, flattening everything below "
               "it (lesson 10: GeneralRelu).")


class GeneralRelu(GeneralRelu):
    def forward(self, x):
        x = F.leaky_relu(x, self.leak) if self.leak is not None else F.relu(x)
        if self.sub is not None:
            x = x - self.sub
        if self.maxv is not None:
            x = x.clamp_min(self.maxv)
        return x
