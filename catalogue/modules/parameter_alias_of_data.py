"""Parameter(data) is data.requires_grad_().as_subclass(cls): an alias computed from data, not a leaf.

The caller's tensor now requires grad, and torch.optim refuses the result.
"""
EXERCISE = "Parameter"
TITLE = "Parameter is an alias of data made with requires_grad_(), not a leaf"
EXPLANATION = ("requires_grad_() switches on the caller's own tensor, and as_subclass returns an alias computed from "
               "it, not a leaf, so torch.optim refuses it. Make it from detached data: "
               "torch.Tensor._make_subclass(cls, torch.as_tensor(data).detach(), True) (lesson 9: Parameter).")


class Parameter(torch.Tensor):
    __torch_function__ = torch._C._disabled_torch_function_impl

    def __new__(cls, data):
        return torch.as_tensor(data).requires_grad_().as_subclass(cls)
