"""Parameter as a detached clone of the data, made the subclass with as_subclass, then requires_grad_().

A copy: the data keeps its own storage (the reference shares it, as nn.Parameter does).
"""
EXERCISE = "Parameter"


class Parameter(torch.Tensor):
    __torch_function__ = torch._C._disabled_torch_function_impl

    def __new__(cls, data):
        return torch.as_tensor(data).detach().clone().as_subclass(cls).requires_grad_()
