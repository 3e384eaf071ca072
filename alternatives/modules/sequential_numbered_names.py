"""Sequential registering its layers as "0", "1", ... (nn.Sequential's names), applied with functools.reduce.

The layers are kept as a tuple.
"""
EXERCISE = "Sequential"

import functools  # noqa: E402


class Sequential(Module):
    def __init__(self, *layers):
        super().__init__()
        for i, layer in enumerate(layers):
            setattr(self, str(i), layer)
        self.layers = tuple(layers)

    def forward(self, x):
        return functools.reduce(lambda out, layer: layer(out), self.layers, x)
