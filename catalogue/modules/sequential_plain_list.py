"""Sequential keeps its layers in a plain list only: the Module registers none of them.

parameters() misses every layer's, and eval() reaches none.
"""
EXERCISE = "Sequential"
TITLE = "Sequential keeps its layers in a plain list only, registering none"
EXPLANATION = ("A Module registers Parameters and Modules assigned as attributes, not those inside a list: "
               "parameters() misses every layer's and eval() reaches none. Also assign each layer to an attribute, "
               "setattr(self, f'layer{i}', layer) (lesson 9: Sequential).")


class Sequential(Module):
    def __init__(self, *layers):
        super().__init__()
        self.layers = list(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
