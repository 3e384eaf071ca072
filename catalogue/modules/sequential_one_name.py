"""Sequential assigns every layer to one attribute (self.layer = layer): only the last stays registered."""
EXERCISE = "Sequential"


class Sequential(Module):
    def __init__(self, *layers):
        super().__init__()
        self.layers = list(layers)
        for layer in layers:
            self.layer = layer

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
