"""Sequential keeps its layers in a plain list only: the Module registers none of them.

parameters() misses every layer's, and eval() reaches none.
"""
EXERCISE = "Sequential"


class Sequential(Module):
    def __init__(self, *layers):
        super().__init__()
        self.layers = list(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
