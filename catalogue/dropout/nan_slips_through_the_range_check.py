"""The constructor checks `p < 0 or p > 1`: both are False for nan, so Dropout(nan) is built."""
EXERCISE = "Dropout"
TITLE = "range check `p < 0 or p > 1` lets nan through"
EXPLANATION = ("Every comparison with nan is False, so a check that p is outside [0, 1] accepts Dropout(nan), whose "
               "outputs are nan. Check that p is inside instead, `if not 0 <= p <= 1: raise ValueError(...)`, which "
               "rejects nan too (lesson 12: dropout).")


class Dropout(Dropout):
    def __init__(self, p=0.5):
        nn.Module.__init__(self)
        if p < 0 or p > 1:
            raise ValueError(f"p must be in [0, 1], got {p}")
        self.p = p
