"""Module without registries: parameters() and children() scan vars(self), which keeps assignment order.

A replaced attribute keeps its place in vars(self); one set to None is no longer a Parameter. The walk is an
explicit stack, not recursion.
"""
EXERCISE = "Module"


class Module:
    def __init__(self):
        self._training = True

    def _values(self, kind):
        return [value for value in vars(self).values() if isinstance(value, kind)]

    def parameters(self):
        found, seen = [], set()
        pending = [self]
        while pending:  # depth first, own parameters before the children's, without recursion
            module = pending.pop()
            for p in module._values(Parameter):
                if id(p) not in seen:
                    seen.add(id(p))
                    found.append(p)
            pending.extend(reversed(module._values(Module)))
        return found

    def children(self):
        return self._values(Module)

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
