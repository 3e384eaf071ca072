"""GeneralRelu clamps to maxv before subtracting sub, so the output tops out at maxv - sub."""
EXERCISE = "GeneralRelu"
TITLE = "GeneralRelu clamps to maxv before subtracting sub"
EXPLANATION = ("The order is leaky relu, then subtract sub, then clamp at maxv, so that maxv is the output's "
               "ceiling. Clamping first and subtracting after caps the output at maxv - sub instead (lesson 10: "
               "GeneralRelu).")


class GeneralRelu(GeneralRelu):
    def forward(self, x):
        x = F.leaky_relu(x, self.leak) if self.leak is not None else F.relu(x)
        if self.maxv is not None:
            x = x.clamp_max(self.maxv)
        if self.sub is not None:
            x = x - self.sub
        return x
