"""The constructor checks `p < 0 or p > 1`: both are False for nan, so Dropout(nan) is built."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def __init__(self, p=0.5):
        nn.Module.__init__(self)
        if p < 0 or p > 1:
            raise ValueError(f"p must be in [0, 1], got {p}")
        self.p = p
