"""GeneralRelu calls F.leaky_relu(x) without leak, so the slope is always torch's default 0.01."""
EXERCISE = "GeneralRelu"
TITLE = "F.leaky_relu(x) called without leak, so the slope is always 0.01"
EXPLANATION = ("F.leaky_relu's negative_slope defaults to 0.01: the layer's own leak must be passed, F.leaky_relu(x, "
               "leak), or negative inputs get torch's default slope whatever leak was asked for (lesson 10: "
               "GeneralRelu).")


class GeneralRelu(GeneralRelu):
    def forward(self, x):
        x = F.leaky_relu(x) if self.leak is not None else F.relu(x)
        if self.sub is not None:
            x = x - self.sub
        if self.maxv is not None:
            x = x.clamp_max(self.maxv)
        return x
