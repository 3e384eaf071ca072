"""Module.__setattr__ registers by name but never unregisters: self.w = None leaves w registered.

The old parameter is still listed by parameters() and trained.
"""
EXERCISE = "Module"
TITLE = "assigning None (or a plain value) never unregisters a parameter"
EXPLANATION = ("__setattr__ keeps the registry in step with the attributes: when a name gets something that is not a "
               "Parameter or Module, it leaves the registry. Otherwise self.w = None leaves the old w in parameters(), "
               "still trained (lesson 9: Module).")


class Module:
    def __init__(self):
        object.__setattr__(self, "_parameters", {})
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "_training", True)

    def __setattr__(self, name, value):
        if isinstance(value, Parameter):
            self._parameters[name] = value
        elif isinstance(value, Module):
            self._modules[name] = value
        object.__setattr__(self, name, value)

    def parameters(self):
        found = []
        for p in [*self._parameters.values(), *(q for c in self._modules.values() for q in c.parameters())]:
            if all(p is not q for q in found):
                found.append(p)
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
