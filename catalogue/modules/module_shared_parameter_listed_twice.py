"""Module.parameters() concatenates its own and its children's without removing repeats.

A shared parameter (or a layer used twice) is listed, and trained, twice.
"""
EXERCISE = "Module"
TITLE = "parameters() lists a shared parameter (or a layer used twice) twice"
EXPLANATION = ("parameters() gives each tensor once: a shared parameter listed twice is stepped twice per batch by the "
               "optimizer (torch.optim warns about duplicates). Skip any tensor already seen, by identity (lesson 9: "
               "Module).")


class Module:
    def __init__(self):
        object.__setattr__(self, "_parameters", {})
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "_training", True)

    def __setattr__(self, name, value):
        if "_parameters" in self.__dict__:
            for registry, kind in ((self._parameters, Parameter), (self._modules, Module)):
                if isinstance(value, kind):
                    registry[name] = value
                else:
                    registry.pop(name, None)
        object.__setattr__(self, name, value)

    def parameters(self):
        found = list(self._parameters.values())
        for child in self._modules.values():
            found += child.parameters()
        return found

    def children(self):
        return list(self._modules.values())

    @property
    def training(self):
        return self._training

    @training.setter
    def training(self, mode):
        object.__setattr__(self, "_training", mode)
        for child in self._modules.values():
            child.training = mode

    def train(self, mode=True):
        self.training = mode
        return self

    def eval(self):
        return self.train(False)

    def __call__(self, *args):
        return self.forward(*args)
