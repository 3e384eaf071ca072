"""Module.parameters() lists the children's parameters before the module's own."""
EXERCISE = "Module"
TITLE = "parameters() lists the children's parameters before the module's own"
EXPLANATION = ("parameters() gives the module's own parameters in assignment order, then each child's, recursively, as "
               "nn.Module does; the order matters to anything that pairs parameters by position, such as saved weights "
               "or optimizer state (lesson 9: Module).")


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
        found = []
        for p in [*(q for c in self._modules.values() for q in c.parameters()), *self._parameters.values()]:
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
