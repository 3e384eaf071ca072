"""GeneralRelu applies the relu and the shift in place (relu_, sub_), overwriting its input."""
EXERCISE = "GeneralRelu"
TITLE = "GeneralRelu computed in place (relu_, sub_), overwriting its input"
EXPLANATION = ("The input belongs to the rest of the network: autograd and a residual connection may still need it. "
               "In-place operations (relu_, sub_, clamp_max_) write over it; build the output in new tensors with "
               "F.leaky_relu, subtraction and clamp_max (lesson 10: GeneralRelu).")


class GeneralRelu(GeneralRelu):
    def forward(self, x):
        x = F.leaky_relu_(x, self.leak) if self.leak is not None else x.relu_()
        if self.sub is not None:
            x.sub_(self.sub)
        if self.maxv is not None:
            x.clamp_max_(self.maxv)
        return x
