"""Sequential's forward runs through self.children(): a plain-function layer (not a Module) is skipped."""
EXERCISE = "Sequential"
TITLE = "Sequential's forward runs only the registered children"
EXPLANATION = ("Only Modules are registered, so children() leaves out a layer that is a plain function (a lambda, "
               "F.relu). forward applies every layer it was given, in order, from the list it keeps (lesson 9: "
               "Sequential).")


class Sequential(Module):
    def __init__(self, *layers):
        super().__init__()
        for i, layer in enumerate(layers):
            setattr(self, f"layer{i}", layer)

    def forward(self, x):
        for layer in self.children():
            x = layer(x)
        return x
