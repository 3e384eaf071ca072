"""Parameter(data) is data.requires_grad_().as_subclass(cls): an alias computed from data, not a leaf.

The caller's tensor now requires grad, and torch.optim refuses the result.
"""
EXERCISE = "Parameter"


class Parameter(torch.Tensor):
    __torch_function__ = torch._C._disabled_torch_function_impl

    def __new__(cls, data):
        return torch.as_tensor(data).requires_grad_().as_subclass(cls)
