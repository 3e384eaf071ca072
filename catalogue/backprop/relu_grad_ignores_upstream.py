"""relu_grad stores relu's derivative alone, forgetting to multiply by out.g (and makes it float32)."""
EXERCISE = "relu_grad"
TITLE = "relu_grad stores relu's derivative alone, without out.g"
EXPLANATION = ("The chain rule multiplies the step's own derivative by the gradient arriving from above: inp.g = (inp "
               "> 0) * out.g, in out.g's dtype. The mask alone is d out / d inp, not d loss / d inp (lesson 8: the "
               "backward pass).")


def relu_grad(inp, out):
    inp.g = (inp > 0).float()
