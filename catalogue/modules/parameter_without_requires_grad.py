"""Parameter is made with torch.Tensor._make_subclass(cls, data), whose requires_grad defaults to False.

Nothing computes its gradient, and SGD never moves it.
"""
EXERCISE = "Parameter"
TITLE = "Parameter made without requires_grad (_make_subclass's default)"
EXPLANATION = ("torch.Tensor._make_subclass(cls, data) leaves requires_grad False unless told: no gradient is computed "
               "for the parameter, and SGD never moves it. Pass True as the third argument (lesson 9: Parameter).")


class Parameter(torch.Tensor):
    __torch_function__ = torch._C._disabled_torch_function_impl

    def __new__(cls, data):
        return torch.Tensor._make_subclass(cls, torch.as_tensor(data).detach())
