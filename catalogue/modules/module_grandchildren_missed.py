"""Module.parameters() lists its own parameters and its children's own, but not the grandchildren's (one level only)."""
EXERCISE = "Module"
TITLE = "parameters() goes one level down and misses the grandchildren's"
EXPLANATION = ("parameters() collects recursively: its own, then child.parameters() for each child, which includes the "
               "child's children. One level misses every layer nested deeper (a Sequential inside a model), and the "
               "optimizer never trains them (lesson 9: Module).")


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
            found += child._parameters.values()
        unique = []
        for p in found:
            if all(p is not q for q in unique):
                unique.append(p)
        return unique

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
