"""Module.__call__(self, x) passes one argument to forward: a forward of several (or none) fails."""
EXERCISE = "Module"
TITLE = "Module.__call__ passes forward exactly one argument"
EXPLANATION = ("Calling a module calls its forward with every argument it was given: __call__(self, *args) returns "
               "self.forward(*args). With one fixed x, a forward of two inputs (or of none) fails (lesson 9: Module).")


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

    def __call__(self, x):
        return self.forward(x)
