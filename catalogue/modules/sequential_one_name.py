"""Sequential assigns every layer to one attribute (self.layer = layer): only the last stays registered."""
EXERCISE = "Sequential"
TITLE = "Sequential assigns every layer to one attribute name"
EXPLANATION = ("Each assignment to self.layer replaces the one before, so only the last layer stays registered and "
               "parameters() and eval() miss the others. Give each layer a name of its own: setattr(self, f'layer{i}', "
               "layer) (lesson 9: Sequential).")


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
