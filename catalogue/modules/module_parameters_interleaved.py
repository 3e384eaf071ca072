"""Module.parameters() descends into each child where it meets it among the attributes, in order.

A child assigned before a parameter has its parameters listed before the module's own.
"""
EXERCISE = "Module"
TITLE = "parameters() walks the attributes in order, mixing own and children's"
EXPLANATION = ("A module's own parameters come first, in assignment order, then each child's, recursively. Descending "
               "into a child where it was assigned puts its parameters before the module's own when the child was "
               "assigned first (lesson 9: Module).")


class Module:
    def __init__(self):
        self._training = True

    def parameters(self):
        found = []
        for value in vars(self).values():
            for p in [value] if isinstance(value, Parameter) else value.parameters() if isinstance(value, Module) \
                    else []:
                if all(p is not q for q in found):
                    found.append(p)
        return found

    def children(self):
        return [value for value in vars(self).values() if isinstance(value, Module)]

    @property
    def training(self):
        return self._training

    @training.setter
    def training(self, mode):
        self._training = mode
        for child in self.children():
            child.training = mode

    def train(self, mode=True):
        self.training = mode
        return self

    def eval(self):
        return self.train(False)

    def __call__(self, *args):
        return self.forward(*args)
