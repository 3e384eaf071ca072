"""Parameter(data) returns torch.tensor(data, requires_grad=True): a plain tensor, not a Parameter.

No Module registers it.
"""
EXERCISE = "Parameter"


class Parameter(torch.Tensor):
    __torch_function__ = torch._C._disabled_torch_function_impl

    def __new__(cls, data):
        return torch.tensor(data, requires_grad=True)
