"""Module.__setattr__ appends every Parameter or Module to a list: replacing one keeps both registered.

Assigning None (or a plain tensor) removes nothing either.
"""
EXERCISE = "Module"
TITLE = "__setattr__ appends to a list, so a replaced value stays registered"
EXPLANATION = ("Registration is by name: assigning again to self.w replaces what was registered under w, in its place, "
               "and assigning None removes it. A list only grows, so the old parameter or module stays in parameters() "
               "and is trained too (lesson 9: Module).")


class Module:
    def __init__(self):
        self.params, self.modules, self._training = [], [], True

    def __setattr__(self, name, value):
        if isinstance(value, Parameter):
            self.params.append(value)
        elif isinstance(value, Module):
            self.modules.append(value)
        object.__setattr__(self, name, value)

    def parameters(self):
        found = []
        for p in [*self.params, *(q for c in self.modules for q in c.parameters())]:
            if all(p is not q for q in found):
                found.append(p)
        return found

    def children(self):
        return list(self.modules)

    @property
    def training(self):
        return self._training

    @training.setter
    def training(self, mode):
        self._training = mode
        for child in self.modules:
            child.training = mode

    def train(self, mode=True):
        self.training = mode
        return self

    def eval(self):
        return self.train(False)

    def __call__(self, *args):
        return self.forward(*args)
