"""Setting Module.training (or train()/eval()) changes that module only, not its children.

A Dropout inside never learns that the model is evaluated.
"""
EXERCISE = "Module"
TITLE = "setting training changes this module only, not its children"
EXPLANATION = ("training (and so train() and eval()) sets the mode on every descendant, recursively: a Dropout deep "
               "inside a model only learns that it is being evaluated when eval() on the model reaches it (lesson 9: "
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

    def train(self, mode=True):
        self.training = mode
        return self

    def eval(self):
        return self.train(False)

    def __call__(self, *args):
        return self.forward(*args)
