"""The constructor stores any p without checking it is in [0, 1]."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def __init__(self, p=0.5):
        nn.Module.__init__(self)
        self.p = p
