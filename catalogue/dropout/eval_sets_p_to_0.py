"""eval() turns dropout off by setting p = 0, and train() does not bring p back."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def eval(self):
        self.p = 0.0
        return super().eval()
