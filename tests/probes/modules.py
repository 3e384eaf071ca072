"""Probes for modules: build the student's Parameter, Module and layers, drive them with torch, report what they did.

Each exercise is graded on its own. The layers (Linear, ConvLayer, Sequential) are
built on the kit's own `Parameter` and `Module` below, not on the student's: for the
duration of a call `_on_stand_ins` rebases the student's class (its base `Module`
is swapped for the kit's in `__bases__`, so `super().__init__()` reaches the kit's
`__init__`) and binds the module's globals `Parameter` and `Module` to the kit's
classes (so `Parameter(...)` in the layer's `__init__` and `isinstance(layer,
Module)` in Sequential see them); both are restored afterwards. Everything a layer
is asked to do happens inside that window, since an object built there changes its
class's bases back when the window closes. The Module tests build their trees from
subclasses of the student's Module holding the kit's Parameters (the module's global
`Parameter` is bound to the kit's during the call, for the student's
`isinstance(value, Parameter)`), so a broken Parameter costs Parameter only.

Values the probes load into the layers come from `random_values(shapes, seed)`, a
function of plain data that the judge calls too; what the student's process reports
is judged, never taken as an input. Parameters are tensor subclasses, which the kit's
plain-data boundary refuses: every tensor is reported as a plain tensor (`_plain`).
"""
import contextlib

import torch

# --- the kit's stand-ins: SPEC.md's Parameter and Module, written for the probes --------------------

class Parameter(torch.Tensor):
    """The kit's Parameter: a leaf tensor with data's values that requires grad."""

    __torch_function__ = torch._C._disabled_torch_function_impl

    def __new__(cls, data):
        return torch.Tensor._make_subclass(cls, torch.as_tensor(data).detach(), True)


class Module:
    """The kit's Module: registration by assignment (in `_parameters` and `_modules`, as nn.Module names them)."""

    def __init__(self):
        object.__setattr__(self, "_parameters", {})
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "_training", True)

    def __setattr__(self, name, value):
        parameters, modules = self.__dict__.get("_parameters"), self.__dict__.get("_modules")
        if parameters is not None:
            for registry, kind in ((parameters, Parameter), (modules, Module)):
                if isinstance(value, kind):
                    registry[name] = value
                else:
                    registry.pop(name, None)
        object.__setattr__(self, name, value)

    def parameters(self):
        found, seen = [], set()

        def collect(module):
            for parameter in module._parameters.values():
                if id(parameter) not in seen:
                    seen.add(id(parameter))
                    found.append(parameter)
            for child in module._modules.values():
                collect(child)

        collect(self)
        return found

    def children(self):
        return list(self._modules.values())

    @property
    def training(self):
        return self._training

    @training.setter
    def training(self, mode):
        object.__setattr__(self, "_training", bool(mode))
        for child in self._modules.values():
            child.training = mode

    def train(self, mode=True):
        self.training = mode
        return self

    def eval(self):
        return self.train(False)

    def __call__(self, *args):
        return self.forward(*args)


class _Linear(Module):
    """x @ w.t() + b, for Sequential's tests."""

    def __init__(self, ni, nf):
        super().__init__()
        self.w = Parameter(torch.zeros(nf, ni, dtype=torch.float64))
        self.b = Parameter(torch.zeros(nf, dtype=torch.float64))

    def forward(self, x):
        return x @ self.w.t() + self.b


class _ReLU(Module):
    def forward(self, x):
        return x.clamp_min(0.0)


class _Block(Module):
    """A module with children of its own (a Linear, then a ReLU): Sequential's grandchildren."""

    def __init__(self, ni, nf):
        super().__init__()
        self.lin = _Linear(ni, nf)
        self.act = _ReLU()

    def forward(self, x):
        return self.act(self.lin(x))


@contextlib.contextmanager
def _on_stand_ins(m, cls):
    """The student's `cls` rebased on the kit's Module, and the module's `Parameter` and `Module` the kit's."""
    # getattr, not m.__dict__: in a notebook `m` is a view of the notebook's globals (grader.notebook.Namespace).
    student_module = getattr(m, "Module", None)
    rebased = []
    saved = {name: getattr(m, name) for name in ("Parameter", "Module") if hasattr(m, name)}
    try:
        for klass in cls.__mro__:  # the class itself, and any class of the student's between it and Module
            if student_module is not None and student_module in klass.__bases__:
                bases = klass.__bases__
                try:
                    klass.__bases__ = tuple(Module if base is student_module else base for base in bases)
                except TypeError as exc:
                    raise TypeError(f"the kit grades {cls.__name__} on its own Module, and could not put it in "
                                    f"place of yours ({exc}): keep Module a plain class") from None
                rebased.append((klass, bases))
        m.Parameter, m.Module = Parameter, Module
        yield
    finally:
        for klass, bases in reversed(rebased):
            klass.__bases__ = bases
        for name in ("Parameter", "Module"):
            if name in saved:
                setattr(m, name, saved[name])
            elif hasattr(m, name):
                delattr(m, name)


@contextlib.contextmanager
def _kit_parameter(m):
    """The module's global `Parameter` bound to the kit's for the call (the Module tests)."""
    had, saved = hasattr(m, "Parameter"), getattr(m, "Parameter", None)
    m.Parameter = Parameter
    try:
        yield
    finally:
        if had:
            m.Parameter = saved
        else:
            del m.Parameter


def _plain(value):
    """A tensor (a Parameter included) as a plain torch.Tensor copy; anything else as it is."""
    if isinstance(value, torch.Tensor):
        return torch.Tensor.as_subclass(torch.Tensor.detach(value), torch.Tensor).clone()
    return value


def random_values(shapes, seed):
    """{name: float32 tensor of shapes[name]}: standard normal values from a generator seeded with `seed`.

    A pure function of plain data: the judge calls it with the same arguments and gets the same values.
    """
    g = torch.Generator().manual_seed(seed)
    return {name: torch.randn(tuple(shape), generator=g, dtype=torch.float64).float()
            for name, shape in shapes.items()}


# --- Parameter -------------------------------------------------------------------------------------------

def _describe_parameter(m, p):
    tensor = isinstance(p, torch.Tensor)
    return {"type": type(p).__name__, "is_parameter": isinstance(p, m.Parameter), "is_tensor": tensor,
            "is_nn_parameter": isinstance(p, torch.nn.Parameter),
            "requires_grad": bool(p.requires_grad) if tensor else None,
            "is_leaf": bool(p.is_leaf) if tensor else None, "values": _plain(p) if tensor else None}


def _sgd_steps(p, grads, lr):
    """Steps of torch.optim.SGD([p], lr) on the loss sum(p * g), one per g: p.grad and p after each."""
    opt = torch.optim.SGD([p], lr=lr)
    steps = []
    for g in grads:
        opt.zero_grad()
        (p * g).sum().backward()
        grad = p.grad
        opt.step()
        steps.append({"grad": _plain(grad), "after": _plain(p)})
    return steps


def parameter(m, data, grads, lr):
    """Parameter(data): what it is, data as it is after construction, then SGD steps on sum(p * g) for each g.

    The steps run only on a tensor that requires grad and is a leaf (torch.optim refuses anything else).
    """
    p = m.Parameter(data)
    report = _describe_parameter(m, p)
    report["data_after"] = _plain(data)
    report["data_requires_grad"] = bool(data.requires_grad) if isinstance(data, torch.Tensor) else None
    trainable = report["is_tensor"] and report["requires_grad"] and report["is_leaf"]
    report["steps"] = _sgd_steps(p, grads, lr) if trainable else []
    return report


def parameter_of_a_result(m, data, factor, grads, lr):
    """Parameter(x * factor), where x is a leaf requiring grad (so the argument is part of a graph): what it
    is, then SGD steps on sum(p * g); x.grad after them (a Parameter is a leaf: nothing flows back to x)."""
    with torch.enable_grad():
        x = data.clone().requires_grad_()
        p = m.Parameter(x * factor)
        report = _describe_parameter(m, p)
        trainable = report["is_tensor"] and report["requires_grad"] and report["is_leaf"]
        report["steps"] = _sgd_steps(p, grads, lr) if trainable else []
    report["x_grad"] = _plain(x.grad)
    return report


# --- Module ----------------------------------------------------------------------------------------------

def _tree(m, script, params):
    """The nodes of `script` (see modules_strategies.module_scripts), built from subclasses of the student's
    Module, the last first (a node only holds nodes after it); and the function that applies an event."""

    class Node(m.Module):
        def __init__(self, assignments, value_of):
            super().__init__()
            for name, kind, ref in assignments:
                setattr(self, name, value_of(kind, ref))

        def forward(self, *args):
            return list(args)

    nodes = [None] * len(script["nodes"])

    def value_of(kind, ref):
        if kind == "param":
            return params[ref]
        if kind == "module":
            return nodes[ref]
        return {"none": lambda: None, "tensor": lambda: torch.zeros(2),
                "grad_tensor": lambda: torch.zeros(2, requires_grad=True), "number": lambda: 3}[kind]()

    for i in reversed(range(len(nodes))):
        nodes[i] = Node(script["nodes"][i], value_of)

    def apply(event):
        if event[0] == "assign":
            _, i, name, kind, ref = event
            setattr(nodes[i], name, value_of(kind, ref))
        else:
            _, i, how = event
            node = nodes[i]
            if how == "train":
                node.train()
            elif how == "eval":
                node.eval()
            elif how == "train(False)":
                node.train(False)
            elif how == "training = True":
                node.training = True
            else:
                node.training = False

    return nodes, apply


def _mode(value):
    return value if type(value) is bool else repr(value)


def _observe(nodes, params):
    """parameters(), children() and training of every node: parameters as indices into `params`, children as
    indices into `nodes` (-1 for an object that is neither)."""
    pid = {id(p): i for i, p in enumerate(params)}
    nid = {id(n): i for i, n in enumerate(nodes)}
    return {"parameters": [[pid.get(id(p), -1) for p in node.parameters()] for node in nodes],
            "children": [[nid.get(id(c), -1) for c in node.children()] for node in nodes],
            "training": [_mode(node.training) for node in nodes]}


def module_script(m, script):
    """Build the tree of `script`, then apply its events one at a time: an observation (see _observe) after
    the construction and after each event."""
    with _kit_parameter(m):
        params = [Parameter(torch.full((2,), float(i))) for i in range(script["n_params"])]
        nodes, apply = _tree(m, script, params)
        observations = [_observe(nodes, params)]
        for event in script["events"]:
            apply(event)
            observations.append(_observe(nodes, params))
    return observations


def module_sgd(m, script, seed, grads, lr):
    """Build the tree of `script` with parameters of random_values({str(i): shape}, seed) (float64), then two
    steps of torch.optim.SGD(root.parameters(), lr) on the loss sum_i sum(param_i * grads[step][i]) over every
    parameter made (registered or not): the value of every parameter after each step."""
    with _kit_parameter(m):
        values = random_values({str(i): g.shape for i, g in enumerate(grads[0])}, seed)
        params = [Parameter(values[str(i)].double()) for i in range(len(grads[0]))]
        nodes, _ = _tree(m, script, params)
        listed = list(nodes[0].parameters())
        opt = torch.optim.SGD(listed, lr=lr) if listed else None  # torch.optim refuses an empty list
        after = []
        for step in grads:
            for p in params:
                p.grad = None
            with torch.enable_grad():
                sum((p * g).sum() for p, g in zip(params, step)).backward()
            if opt is not None:
                opt.step()
            after.append([_plain(p) for p in params])
    return after


def module_call(m, calls):
    """m(*args) for each args in `calls`, on one module whose forward returns ["forward", *args]."""

    class Echo(m.Module):
        def forward(self, *args):
            return ["forward", *args]

    with _kit_parameter(m):
        echo = Echo()
        return [echo(*args) for args in calls]


# --- Linear and ConvLayer --------------------------------------------------------------------------------

def _attributes(layer, names):
    """{name: shape of the layer's attribute, None if it is None, or a word saying what it is instead}."""
    shapes = {}
    for name in names:
        value = getattr(layer, name, "missing")
        if isinstance(value, torch.Tensor):
            shapes[name] = list(value.shape)
        elif value is None:
            shapes[name] = None
        elif isinstance(value, str) and value == "missing":
            shapes[name] = "missing"
        else:
            shapes[name] = f"a {type(value).__name__}"
    return shapes


def _registered(layer, names):
    """Which of the layer's attributes `names` parameters() lists, and how many tensors it lists."""
    params = list(layer.parameters())
    return {"registered": [name for name in names if any(p is getattr(layer, name, None) for p in params)],
            "n_parameters": len(params)}


def _train(layer, values, steps, lr):
    """Load `values` ({attribute: tensor}) into the layer, then one SGD step per (x, g) in `steps`.

    Each step: out = layer(x) on a non-leaf copy of x; the loss sum(out * g); backward; the gradients of x and of
    each loaded attribute; torch.optim.SGD(layer.parameters(), lr).step(); the attributes after it; x after the
    call. Nothing is loaded or run where an attribute's shape differs from its value's.
    """
    report = {"attributes": _attributes(layer, values), **_registered(layer, values), "steps": []}
    if any(report["attributes"][name] != list(value.shape) for name, value in values.items()):
        return report
    with torch.no_grad():
        for name, value in values.items():
            getattr(layer, name).copy_(value)
    params = list(layer.parameters())
    opt = torch.optim.SGD(params, lr=lr) if params else None
    for x, g in steps:
        with torch.enable_grad():
            leaf = x.clone().requires_grad_()
            inp = leaf * 1  # a non-leaf, as inside a network: autograd itself does not refuse in-place changes
            out = layer(inp)
            if isinstance(out, torch.Tensor) and out.requires_grad and out.shape == g.shape:
                (out * g).sum().backward()
        step = {"out": _plain(out), "x_grad": _plain(leaf.grad), "x_after": _plain(inp)}
        step["grads"] = {name: _plain(getattr(layer, name).grad) for name in values}
        if opt is not None:
            opt.step()
            opt.zero_grad()
        step["after"] = {name: _plain(getattr(layer, name)) for name in values}
        report["steps"].append(step)
    return report


def linear_steps(m, ni, nf, seed, steps, lr):
    """Linear(ni, nf) (on the kit's Module and Parameter), loaded with random_values of w (nf, ni) and b (nf,)
    from `seed`, trained one SGD step per (x, g) in `steps` (see _train)."""
    with _on_stand_ins(m, m.Linear):
        layer = m.Linear(ni, nf)
        return _train(layer, random_values({"w": (nf, ni), "b": (nf,)}, seed), steps, lr)


def _conv_shapes(ni, nf, bias):
    return {"w": (nf, ni, 3, 3), **({"b": (nf,)} if bias else {})}


def conv_steps(m, ni, nf, stride, bias, act, seed, steps, lr):
    """ConvLayer(ni, nf, stride=stride, bias=bias, act=act) (on the kit's Module and Parameter), loaded with
    random_values of w (and b when bias) from `seed`, trained one SGD step per (x, g) (see _train); and what its
    `b` is (its shape, None, or missing)."""
    with _on_stand_ins(m, m.ConvLayer):
        layer = m.ConvLayer(ni, nf, stride=stride, bias=bias, act=act)
        report = _train(layer, random_values(_conv_shapes(ni, nf, bias), seed), steps, lr)
        report["b"] = _attributes(layer, ["b"])["b"]
        return report


def _fresh(layer, names):
    """A freshly built layer's attributes `names` (plain tensors, None, or what they are instead)."""
    report = {"attributes": _attributes(layer, names), **_registered(layer, names)}
    report["values"] = {name: _plain(getattr(layer, name, None)) for name in names
                        if isinstance(getattr(layer, name, None), torch.Tensor)}
    return report


def linear_init(m, ni, nf, seed):
    """A Linear(ni, nf) built right after torch.manual_seed(seed) (on the kit's Module and Parameter)."""
    with _on_stand_ins(m, m.Linear):
        torch.manual_seed(seed)
        return _fresh(m.Linear(ni, nf), ["w", "b"])


def conv_init(m, ni, nf, bias, act, seed):
    """A ConvLayer(ni, nf, bias=bias, act=act) built right after torch.manual_seed(seed) (on the kit's Module)."""
    with _on_stand_ins(m, m.ConvLayer):
        torch.manual_seed(seed)
        return _fresh(m.ConvLayer(ni, nf, bias=bias, act=act), ["w", "b"])


def seeded_weights(m, layer, args, seeds):
    """The `w` of `layer`(*args) (Linear or ConvLayer) built after torch.manual_seed(s), for each s in seeds."""
    cls = getattr(m, layer)
    weights = []
    with _on_stand_ins(m, cls):
        for seed in seeds:
            torch.manual_seed(seed)
            weights.append(_plain(getattr(cls(*args), "w", None)))
    return weights


# --- Sequential ------------------------------------------------------------------------------------------

def sequential_shapes(spec):
    """{label: shape} of the parameters of the layers in `spec` (see modules_strategies.sequential_specs), in the
    order the layers and their parameters are made: L<k>.w, L<k>.b for a linear layer k, L<k>.lin.w, L<k>.lin.b for
    a block."""
    shapes = {}
    for k, layer in enumerate(spec):
        if layer[0] == "linear":
            shapes[f"L{k}.w"], shapes[f"L{k}.b"] = (layer[2], layer[1]), (layer[2],)
        elif layer[0] == "block":
            shapes[f"L{k}.lin.w"], shapes[f"L{k}.lin.b"] = (layer[2], layer[1]), (layer[2],)
    return shapes


def _sequential_layers(spec, seed):
    """The kit's layers of `spec` (float64), loaded with random_values(sequential_shapes(spec), seed); and
    {id(parameter): label}, {id(module): index of its first layer} for every module among them, nested ones
    included (a block's children are named L<k>.lin and L<k>.act)."""
    values = random_values(sequential_shapes(spec), seed)
    layers, labels, modules = [], {}, {}
    for k, layer in enumerate(spec):
        kind = layer[0]
        if kind == "again":
            layers.append(layers[layer[1]])
            continue
        if kind == "linear":
            made = _Linear(layer[1], layer[2])
            linears = {f"L{k}": made}
        elif kind == "block":
            made = _Block(layer[1], layer[2])
            linears = {f"L{k}.lin": made.lin}
            modules[id(made.lin)], modules[id(made.act)] = f"L{k}.lin", f"L{k}.act"
        elif kind == "relu":
            made, linears = _ReLU(), {}
        else:
            made, linears = torch.tanh, {}
        for prefix, lin in linears.items():
            with torch.no_grad():
                lin.w.copy_(values[f"{prefix}.w"])
                lin.b.copy_(values[f"{prefix}.b"])
            labels[id(lin.w)], labels[id(lin.b)] = f"{prefix}.w", f"{prefix}.b"
        if isinstance(made, Module):
            modules[id(made)] = f"L{k}"
        layers.append(made)
    return layers, labels, modules


def sequential(m, spec, seed, steps, lr):
    """Sequential(*layers) (on the kit's Module) of the kit's layers of `spec`; what it registered, the modes of
    every module inside after seq.eval() and after seq.train(); then one SGD step of
    torch.optim.SGD(seq.parameters(), lr) per (x, g) in `steps` on the loss sum(seq(x) * g): the output, the
    gradients of x and of every parameter, every parameter after the step, and x after the call."""
    layers, labels, modules = _sequential_layers(spec, seed)
    everything = {label: p for label, p in ((labels[id(p)], p) for layer in layers if isinstance(layer, Module)
                                            for p in layer.parameters())}
    inside = {label: obj for obj, label in
              ((obj, modules[id(obj)]) for layer in layers if isinstance(layer, Module)
               for obj in _descendants(layer))}
    with _on_stand_ins(m, m.Sequential):
        seq = m.Sequential(*layers)
        report = {"children": [modules.get(id(c), "another object") for c in seq.children()],
                  "parameters": [labels.get(id(p), "another tensor") for p in seq.parameters()],
                  "modes": []}
        for how in ("eval", "train"):
            getattr(seq, how)()
            report["modes"].append({"seq": _mode(seq.training),
                                    **{label: _mode(obj.training) for label, obj in inside.items()}})
        params = list(seq.parameters())
        opt = torch.optim.SGD(params, lr=lr) if params else None
        report["steps"] = []
        for x, g in steps:
            with torch.enable_grad():
                leaf = x.clone().requires_grad_()
                inp = leaf * 1
                out = seq(inp)
                if isinstance(out, torch.Tensor) and out.requires_grad and out.shape == g.shape:
                    (out * g).sum().backward()
            step = {"out": _plain(out), "x_grad": _plain(leaf.grad), "x_after": _plain(inp),
                    "grads": {label: _plain(p.grad) for label, p in everything.items()}}
            if opt is not None:
                opt.step()
                opt.zero_grad()
            for p in everything.values():
                p.grad = None
            step["after"] = {label: _plain(p) for label, p in everything.items()}
            report["steps"].append(step)
    return report


def _descendants(module):
    """The kit's module and every module below it, each once."""
    found, stack = [], [module]
    while stack:
        current = stack.pop()
        if all(current is not seen for seen in found):
            found.append(current)
            stack.extend(current._modules.values())
    return found
