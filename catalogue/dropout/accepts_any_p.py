"""The constructor stores any p without checking it is in [0, 1]."""
EXERCISE = "Dropout"
TITLE = "p stored without checking that it lies in [0, 1]"
EXPLANATION = ("p is a probability: outside [0, 1] dropout means nothing, and the mistake would only surface later as "
               "odd outputs or a division by zero. Check 0 <= p <= 1 in the constructor and raise ValueError "
               "otherwise (lesson 12: dropout).")


class Dropout(Dropout):
    def __init__(self, p=0.5):
        nn.Module.__init__(self)
        self.p = p
