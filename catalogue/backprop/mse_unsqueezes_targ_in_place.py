"""mse lines the shapes up with targ.unsqueeze_(-1): the right loss, but the caller's targ is now (N, 1)."""
EXERCISE = "mse"
TITLE = "targ.unsqueeze_(-1) in mse reshapes the caller's targets"
EXPLANATION = ("unsqueeze_ changes targ itself: the loss is right, but the caller's targets become (N, 1), and "
               "whatever reads them next gets the wrong shape. Take output[:, 0] (or squeeze output's last axis) so "
               "the shapes line up without touching targ (lesson 8: the forward pass).")


def mse(output, targ):
    return (output - targ.unsqueeze_(-1)).pow(2).mean()
