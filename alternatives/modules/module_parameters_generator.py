"""Module with one registry of (name, value) pairs for both kinds; parameters() and children() are generators.

parameters() yields each tensor once, as nn.Module's does.
"""
EXERCISE = "Module"


class Module:
    def __init__(self):
        object.__setattr__(self, "_registered", [])
        self.training = True

    def __setattr__(self, name, value):
        registered = self.__dict__.get("_registered")
        if registered is not None:
            at = next((i for i, (key, _) in enumerate(registered) if key == name), None)
            if isinstance(value, (Parameter, Module)):
                if at is None:
                    registered.append((name, value))
                else:
                    registered[at] = (name, value)
            elif at is not None:
                del registered[at]
        object.__setattr__(self, name, value)

    def _walk(self, seen):
        for _, value in self._registered:
            if isinstance(value, Parameter) and not any(value is s for s in seen):
                seen.append(value)
                yield value
        for child in self.children():
            yield from child._walk(seen)

    def parameters(self):
        yield from self._walk([])

    def children(self):
        return (value for _, value in self._registered if isinstance(value, Module))

    @property
    def training(self):
        return self._training

    @training.setter
    def training(self, mode):
        object.__setattr__(self, "_training", mode)
        for child in self.children():
            child.train(mode)

    def train(self, mode=True):
        self.training = mode
        return self

    def eval(self):
        return self.train(False)

    def __call__(self, *args):
        return self.forward(*args)
