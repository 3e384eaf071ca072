"""Module.__setattr__ unregisters a name before registering its new value: a replacement moves to the end.

A replaced parameter or module should keep its place, as with nn.Module.
"""
EXERCISE = "Module"
TITLE = "reassigning a name moves its parameter or module to the end"
EXPLANATION = ("Assigning again to a registered name replaces the value in its place, as nn.Module does: "
               "registry[name] = value keeps the key's position. Popping the name first and adding it again moves it "
               "last, changing the order of parameters() and children() (lesson 9: Module).")


class Module:
    def __init__(self):
        object.__setattr__(self, "_parameters", {})
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "_training", True)

    def __setattr__(self, name, value):
        if "_parameters" in self.__dict__:
            self._parameters.pop(name, None)
            self._modules.pop(name, None)
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
