"""eval() turns dropout off by setting p = 0, and train() does not bring p back."""
EXERCISE = "Dropout"
TITLE = "eval() sets p to 0, and train() never restores it"
EXPLANATION = ("Switching modes must not change the layer's settings: after eval() then train(), p stays 0 and "
               "dropout is gone for the rest of training (and a container's eval() never calls the layer's eval()). "
               "Keep p as given and check self.training in forward (lesson 12: dropout).")


class Dropout(Dropout):
    def eval(self):
        self.p = 0.0
        return super().eval()
