"""Parameter(data) clones data without detaching it: made from a computed tensor, it stays in the graph.

It is not a leaf, and torch.optim refuses it.
"""
EXERCISE = "Parameter"
TITLE = "Parameter clones data without detaching it from its graph"
EXPLANATION = ("Made from a tensor computed from others that require grad, the clone stays in that graph: not a leaf, "
               "so torch.optim refuses it, and backward flows into the tensors it came from. Detach first: "
               "torch.as_tensor(data).detach() (lesson 9: Parameter).")


class Parameter(torch.Tensor):
    __torch_function__ = torch._C._disabled_torch_function_impl

    def __new__(cls, data):
        return torch.as_tensor(data).clone().as_subclass(cls).requires_grad_()
