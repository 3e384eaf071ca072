"""GeneralRelu subtracts sub before the leaky relu instead of after it."""
EXERCISE = "GeneralRelu"
TITLE = "GeneralRelu subtracts sub before the leaky relu instead of after it"
EXPLANATION = ("sub shifts the relu's output down, so that its mean comes nearer 0: min(leaky_relu(x, leak) - sub, "
               "maxv). Subtracting before the relu only moves its kink to x = sub, and a plain relu's output still "
               "never goes below 0 (lesson 10: GeneralRelu).")


class GeneralRelu(GeneralRelu):
    def forward(self, x):
        if self.sub is not None:
            x = x - self.sub
        x = F.leaky_relu(x, self.leak) if self.leak is not None else F.relu(x)
        if self.maxv is not None:
            x = x.clamp_max(self.maxv)
        return x
