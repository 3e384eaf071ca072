"""Probes for norm: build the student's layer, load the judge's parameter values, run a script of steps, report.

Layers are found by their public names (`BatchNorm`, `LayerNorm`, `InstanceNorm`) and their attributes by the
names SPEC.md gives them (`mults`, `adds`, `means`, `vars`; `mult`, `add`). Parameter values come from the
judge as plain tensors; the judge recomputes with its own copy of them, never with what a probe reports.
"""
import torch


def _plain(value):
    """A plain tensor copy of a tensor (a Parameter or another subclass included); anything else as it is."""
    if isinstance(value, torch.Tensor):
        return torch.Tensor.as_subclass(torch.Tensor.detach(value), torch.Tensor).clone()
    return value


def _build(m, name, args, kwargs, dtype, values):
    """`name(*args, **kwargs)` in `dtype`, with `values` ({attribute: tensor}) copied into its attributes.

    Each value is copied with the attribute's own shape (the judge checks the shapes elsewhere), so a layer
    whose parameter has the wrong shape computes with the judge's values all the same, as its shape broadcasts.
    Returns (layer, None), or (None, what is missing).
    """
    layer = getattr(m, name)(*args, **kwargs)
    layer = layer.to(dtype)
    with torch.no_grad():
        for attribute, value in values.items():
            target = getattr(layer, attribute, None)
            if not isinstance(target, torch.Tensor):
                return None, f"{name} has no tensor attribute {attribute!r}"
            if target.numel() != value.numel():
                return None, (f"{name}.{attribute} has shape {tuple(target.shape)} ({target.numel()} values); "
                              f"expected {value.numel()} values, of shape {tuple(value.shape)}")
            target.copy_(value.reshape(target.shape))
    return layer, None


def _step(layer, x, w, params, buffers, grad):
    """One call of `layer` on a copy of x: its output, the gradients of sum(out * w), the buffers after it (and
    whether each requires grad), and the copy as it is after the call.

    With `grad`, the layer gets a non-leaf tensor (as inside a network, so autograd itself does not refuse an
    in-place change) and the gradients for x and each of `params` (None where none reaches it) are reported;
    without, the layer gets a plain tensor that requires no gradient.
    """
    record = {}
    with torch.enable_grad():
        if grad:
            leaf = x.clone().requires_grad_()
            inp = leaf * 1
        else:
            inp = x.clone()
        out = layer(inp)
        if grad:
            targets = [leaf] + [getattr(layer, p, None) for p in params]
            wanted = [i for i, t in enumerate(targets) if isinstance(t, torch.Tensor) and t.requires_grad]
            grads = [None] * len(targets)
            if isinstance(out, torch.Tensor) and out.requires_grad and out.shape == w.shape:
                found = torch.autograd.grad((out * w).sum(), [targets[i] for i in wanted], allow_unused=True)
                for i, g in zip(wanted, found):
                    grads[i] = g
            record["grads"] = {name: _plain(g) for name, g in zip(["x", *params], grads)}
    record["out"] = _plain(out)
    record["buffers"] = {name: _plain(getattr(layer, name, None)) for name in buffers}
    record["buffers_require_grad"] = {name: bool(getattr(getattr(layer, name, None), "requires_grad", False))
                                      for name in buffers}
    record["x_after"] = _plain(inp)
    return record


def steps(m, name, args, kwargs, values, params, buffers, script, grad=True):
    """One layer `name(*args, **kwargs)`, in the dtype of the script's inputs, with `values` loaded, run on each
    step [mode, x, w] of `script` in turn after `layer.train(mode == "train")`.

    Returns a list with one record per step (see _step), or {"error": ...} when an attribute is missing.
    """
    layer, error = _build(m, name, args, kwargs, script[0][1].dtype, values)
    if error:
        return {"error": error}
    records = []
    for mode, x, w in script:
        layer.train(mode == "train")
        records.append(_step(layer, x, w, params, buffers, grad))
    return records


def eval_rows(m, nf, kwargs, values, train_xs, x):
    """BatchNorm(nf, **kwargs) with `values` loaded, trained on each of train_xs, then in eval mode applied to x
    as a whole and to each of its samples alone (batches of one). Returns {"whole", "rows", "buffers"}."""
    layer, error = _build(m, "BatchNorm", [nf], kwargs, x.dtype, values)
    if error:
        return {"error": error}
    layer.train()
    with torch.no_grad():
        for xb in train_xs:
            layer(xb.clone())
        layer.eval()
        whole = _plain(layer(x.clone()))
        rows = [_plain(layer(x[i:i + 1].clone())) for i in range(x.shape[0])]
    return {"whole": whole, "rows": rows, "buffers": {name: _plain(getattr(layer, name, None))
                                                      for name in ("means", "vars")}}


def fresh(m, name, args, attributes):
    """A freshly built `name(*args)`, as it registered things: its named parameters (and whether each requires
    grad), named buffers and state_dict keys; and the dtypes of its `attributes` after `.double()` (what the
    module does not register, `.double()` and `.to()` leave behind)."""
    layer = getattr(m, name)(*args)
    report = {
        "parameters": {n: _plain(p) for n, p in layer.named_parameters()},
        "requires_grad": {n: bool(p.requires_grad) for n, p in layer.named_parameters()},
        "buffers": {n: _plain(b) for n, b in layer.named_buffers()},
        "state_dict": sorted(layer.state_dict()),
    }
    layer.double()
    report["after_double"] = {a: str(getattr(getattr(layer, a, None), "dtype", None)) for a in attributes}
    return report
