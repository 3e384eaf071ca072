"""Strategies for modules: trees of modules and parameters with late events, layer sizes, Sequential layer lists.

A *module script* (plain data, for probes.modules.module_script) describes a tree of
modules built from subclasses of the student's Module:

    {"n_params": P,                      # parameters P0 .. P<P-1>, shared freely
     "nodes": [[[name, kind, ref], ...], ...],   # node i's assignments in its __init__, in order
     "events": [["assign", i, name, kind, ref] | ["mode", i, how], ...]}   # then, one at a time

kind is "param" (ref: a parameter's index), "module" (ref: a node's index, always after
i, so the tree is acyclic; a node may be held by several parents, or twice by one), or a
plain value: "none", "tensor", "grad_tensor" (a plain tensor that requires grad), "number".
A name keeps its kind for its life: a parameter's name is given another parameter
(replaced in its place) or a plain value (unregistered); a module's likewise; and once
unregistered, or when first given a plain value, a name only ever holds plain values.
Where a name given a Parameter after holding something else would go (at its first
assignment's place or at the end) is left open by SPEC.md (nn.Module and a scan of
vars(self) differ), so the scripts never do that.
"""
from __future__ import annotations

from hypothesis import strategies as st

seeds = st.integers(0, 2**31 - 1)
# Names, given in this order on each node (the k-th parameter name a node gets is PARAM_NAMES[k]): not in
# alphabetical order, so a registration that sorts names (a scan of dir(self)) shows; none is a name nn.Module
# (the judge's twin) or a student's Module is likely to use itself. Enough for the most a node gets (6 in
# __init__, 10 events, one link of a chain).
PARAM_NAMES = ["weight", "bias", "scale", "gamma", "alpha", "kernel", "offset", "mult", "shift", "embed", "beta",
               "table", "centre", "delta", "query", "key", "value", "rho"]
MODULE_NAMES = ["encoder", "body", "head", "stem", "act", "norm", "pool", "branch", "drop", "attn", "mlp", "conv",
                "lin", "block", "cell", "gate", "proj", "tail"]
OTHER_NAMES = ["cache", "stats", "note", "count", "mask", "history", "last", "flag", "extra", "tag", "label",
               "size", "step", "memo", "info", "spare", "hint", "mark"]
OTHER_KINDS = ["none", "tensor", "grad_tensor", "number"]
MODES = ["train", "eval", "train(False)", "training = True", "training = False"]


def _new_name(names: dict, kind: str) -> str:
    pool = {"param": PARAM_NAMES, "module": MODULE_NAMES, "other": OTHER_NAMES}[kind]
    name = pool[sum(name in pool for name in names)]
    names[name] = kind
    return name


def _assignment(draw, i: int, names: dict, n_nodes: int, n_params: int) -> list:
    """One assignment on node i ([name, kind, ref]) allowed by the names' kinds so far (updated in `names`)."""
    live = sorted(name for name, kind in names.items() if kind in ("param", "module"))
    options = (["param"] if n_params else []) + (["module"] if i < n_nodes - 1 else []) + \
        (["replace", "unregister"] if live else []) + ["other"]
    choice = draw(st.sampled_from(options))
    if choice == "param":
        name = _new_name(names, "param")
        return [name, "param", draw(st.integers(0, n_params - 1))]
    if choice == "module":
        name = _new_name(names, "module")
        return [name, "module", draw(st.integers(i + 1, n_nodes - 1))]
    if choice == "replace":
        name = draw(st.sampled_from(live))
        if names[name] == "param":
            return [name, "param", draw(st.integers(0, n_params - 1))]
        return [name, "module", draw(st.integers(i + 1, n_nodes - 1))]
    if choice == "unregister":
        name = draw(st.sampled_from(live))
        names[name] = "dead"
        return [name, draw(st.sampled_from(OTHER_KINDS)), None]
    plain = sorted(name for name, kind in names.items() if kind in ("dead", "other"))
    if plain and draw(st.booleans()):
        name = draw(st.sampled_from(plain))
    else:
        name = _new_name(names, "other")
    return [name, draw(st.sampled_from(OTHER_KINDS)), None]


@st.composite
def module_scripts(draw, max_nodes: int = 7, max_params: int = 6, max_assignments: int = 6,
                   max_events: int = 0, events=("assign",), min_params: int = 0):
    """A module script (see the module docstring) with up to `max_events` events of the kinds in `events`.

    Up to 7 nodes: with `chain` each node holds the next, so the root reaches a great-great-...-grandchild
    6 levels down. Up to 6 parameters for up to 42 assignments: most trees share some.
    """
    n_nodes = draw(st.integers(1, max_nodes))
    n_params = draw(st.integers(min_params, max_params))
    chain = draw(st.booleans())
    names = [{} for _ in range(n_nodes)]
    nodes = []
    for i in range(n_nodes):
        n_ops = draw(st.integers(0, max_assignments))
        linked = chain and i < n_nodes - 1
        at = draw(st.integers(0, n_ops)) if linked else -1
        ops = []
        for k in range(n_ops + linked):
            if k == at:
                name = _new_name(names[i], "module")
                ops.append([name, "module", i + 1])
            else:
                ops.append(_assignment(draw, i, names[i], n_nodes, n_params))
        nodes.append(ops)
    script_events = []
    for _ in range(draw(st.integers(0, max_events))):
        kind = draw(st.sampled_from(list(events)))
        i = draw(st.one_of(st.just(0), st.integers(0, n_nodes - 1)))  # the root often: it reaches the most
        if kind == "assign":
            script_events.append(["assign", i, *_assignment(draw, i, names[i], n_nodes, n_params)])
        else:
            script_events.append(["mode", i, draw(st.sampled_from(MODES))])
    return {"n_params": n_params, "nodes": nodes, "events": script_events}


# Linear: sizes from 1 (a single feature, a batch of one) to 8; ni != nf and ni == nf both come up.
linear_sizes = st.integers(1, 8)
batches = st.integers(1, 5)
learning_rates = st.sampled_from([0.5, 0.1, 0.01])

# ConvLayer: 1 to 4 channels, sides 1 to 7 (odd sides with stride 2 must round up), batches of 1 to 3.
channels = st.integers(1, 4)
sides = st.integers(1, 7)
strides = st.sampled_from([1, 2])


@st.composite
def init_linear_sizes(draw):
    """(ni, nf) with one about 2.5 times the other and 2.5 a^2 >= 20,250 weights (a in 90..160).

    So many weights pin the sample variance within about 6.5% (see the test), while the inits a student
    might use instead differ by more: Kaiming's 2/ni is (ni + nf)/ni = 1.4 or 3.5 times Xavier's 2/(ni + nf),
    LeCun's 1/ni is 0.7 or 1.75 times it (equal for square layers, hence never square here).
    """
    a = draw(st.integers(90, 160))
    b = round(2.5 * a)
    return (a, b) if draw(st.booleans()) else (b, a)


@st.composite
def init_conv_channels(draw):
    """(ni, nf) with one about 2.5 times the other and 9 * 2.5 a^2 >= 20,250 weights (a in 30..55):
    Kaiming's 2/(9 ni) is 1.4 or 3.5 times Xavier's 2/(9 ni + 9 nf), and 2/ni (no kernel size) 9 times Kaiming's."""
    a = draw(st.integers(30, 55))
    b = round(2.5 * a)
    return (a, b) if draw(st.booleans()) else (b, a)


@st.composite
def sequential_specs(draw, max_layers: int = 5, max_features: int = 5):
    """(n_in, spec, n_out): a list of layers whose sizes chain, from n_in features to n_out.

    A layer is ["linear", ni, nf], ["block", ni, nf] (a module holding a linear layer and a relu: Sequential's
    grandchildren), ["relu"] (a module without parameters), ["tanh"] (torch.tanh, a plain function: a callable
    that is not a Module) or ["again", j] (layer j once more, the same object: a layer used twice; only one
    whose input and output sizes both equal the current size). Zero layers too (the identity).
    """
    n_in = draw(st.integers(1, max_features))
    size, spec, io = n_in, [], []
    for _ in range(draw(st.integers(0, max_layers))):
        reusable = [j for j, (a, b) in enumerate(io) if a == b == size and spec[j][0] != "again"]
        kind = draw(st.sampled_from(["linear", "block", "relu", "tanh"] + (["again"] if reusable else [])))
        if kind in ("linear", "block"):
            nf = draw(st.integers(1, max_features))
            spec.append([kind, size, nf])
            io.append((size, nf))
            size = nf
        elif kind == "again":
            spec.append(["again", draw(st.sampled_from(reusable))])
            io.append((size, size))
        else:
            spec.append([kind])
            io.append((size, size))
    return n_in, spec, size
