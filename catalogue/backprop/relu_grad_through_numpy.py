"""relu_grad computes the mask in numpy and stores a numpy array in inp.g."""
EXERCISE = "relu_grad"
TITLE = "relu_grad computed in numpy, storing a numpy array in inp.g"
EXPLANATION = ("Gradients are torch tensors, read by the next torch step; a numpy array is another library's object. "
               "Stay in torch: inp.g = (inp > 0).to(out.g.dtype) * out.g (lesson 8: the backward pass).")


def relu_grad(inp, out):
    inp.g = out.g.numpy() * (inp.numpy() > 0)
