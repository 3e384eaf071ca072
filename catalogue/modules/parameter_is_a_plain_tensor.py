"""Parameter(data) returns torch.tensor(data, requires_grad=True): a plain tensor, not a Parameter.

No Module registers it.
"""
EXERCISE = "Parameter"
TITLE = "Parameter returns a plain tensor that requires grad, not a Parameter"
EXPLANATION = ("Parameter(data) must return an instance of Parameter: a Module registers an attribute only when "
               "isinstance(value, Parameter) holds, so a plain tensor is never listed by parameters() nor trained "
               "(lesson 9: Parameter).")


class Parameter(torch.Tensor):
    __torch_function__ = torch._C._disabled_torch_function_impl

    def __new__(cls, data):
        return torch.tensor(data, requires_grad=True)
