"""Sequential's forward runs through self.children(): a plain-function layer (not a Module) is skipped."""
EXERCISE = "Sequential"


class Sequential(Module):
    def __init__(self, *layers):
        super().__init__()
        for i, layer in enumerate(layers):
            setattr(self, f"layer{i}", layer)

    def forward(self, x):
        for layer in self.children():
            x = layer(x)
        return x
