"""The ready-made callbacks of solutions/learner.py (not exercises): ProgressCallback, Recorder, LRFinder."""
import sys
import types

import pytest
import torch
import torch.nn.functional as F

from solutions import learner


class Batches(list):
    """A list of (xb, yb) batches: iterable, with a length."""


def problem(n_train=6, n_valid=3, batch=8, seed=0):
    """A small 3-class classification problem and a fresh linear model, all from one seed."""
    g = torch.Generator().manual_seed(seed)

    def batches(count):
        return Batches((torch.randn(batch, 4, generator=g), torch.randint(0, 3, (batch,), generator=g))
                       for _ in range(count))

    dls = types.SimpleNamespace(train=batches(n_train), valid=batches(n_valid))
    torch.manual_seed(seed)
    return torch.nn.Linear(4, 3), dls


def accuracy(preds, yb):
    return (preds.argmax(-1) == yb).float().mean()


class Spy(learner.Callback):
    """Counts events per pass."""

    def __init__(self):
        self.seen = []

    def after_pred(self):
        self.seen.append("train" if self.learn.training else "valid")


# --- ProgressCallback ------------------------------------------------------------------------------

def test_progress_bar_is_silent_under_pytest(capsys):
    model, dls = problem()
    learner.Learner(model, dls, F.cross_entropy, cbs=[learner.ProgressCallback()]).fit(2)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_forced_progress_bar_counts_training_batches(capsys):
    model, dls = problem(n_train=5)
    bar = learner.ProgressCallback(force=True)
    learner.Learner(model, dls, F.cross_entropy, cbs=[bar]).fit(2)
    assert "epoch 2/2" in capsys.readouterr().err
    assert bar.bar.n == 5  # validation batches do not move the bar


def test_progress_bar_shows_only_when_interactive(monkeypatch):
    cb = learner.ProgressCallback()
    monkeypatch.delitem(sys.modules, "pytest")  # pretend to run outside the test suite
    monkeypatch.delitem(sys.modules, "ipykernel", raising=False)
    monkeypatch.setattr(sys, "stdout", types.SimpleNamespace(isatty=lambda: False))
    assert not cb._interactive()
    monkeypatch.setattr(sys, "stdout", types.SimpleNamespace(isatty=lambda: True))
    assert cb._interactive()
    monkeypatch.setattr(sys, "stdout", types.SimpleNamespace(isatty=lambda: False))
    monkeypatch.setitem(sys.modules, "ipykernel", types.ModuleType("ipykernel"))
    assert cb._interactive()


# --- Recorder --------------------------------------------------------------------------------------

def test_recorder_matches_a_plain_loop():
    model, dls = problem(n_train=4, n_valid=3)
    twin = torch.nn.Linear(4, 3)
    twin.load_state_dict(model.state_dict())
    recorder = learner.Recorder(accuracy)
    learner.Learner(model, dls, F.cross_entropy, lr=0.2, cbs=[recorder]).fit(2)

    opt = torch.optim.SGD(twin.parameters(), lr=0.2)
    losses = []
    for _ in range(2):
        for xb, yb in dls.train:
            loss = F.cross_entropy(twin(xb), yb)
            losses.append(loss.item())
            loss.backward()
            opt.step()
            opt.zero_grad()
    assert recorder.losses == pytest.approx(losses, rel=1e-5)
    assert recorder.lrs == [0.2] * 8
    assert len(recorder.valid_losses) == 2 and len(recorder.values) == 2
    # The last epoch validated the final model: its averages are those over the whole validation set.
    x = torch.cat([xb for xb, _ in dls.valid])
    y = torch.cat([yb for _, yb in dls.valid])
    with torch.no_grad():
        assert recorder.valid_losses[-1] == pytest.approx(F.cross_entropy(twin(x), y).item(), rel=1e-5)
        assert recorder.values[-1][0] == pytest.approx(accuracy(twin(x), y).item(), rel=1e-6)


def test_recorder_weights_validation_batches_by_size():
    model, dls = problem(n_train=1, n_valid=0)
    g = torch.Generator().manual_seed(3)
    dls.valid = Batches([(torch.randn(1, 4, generator=g), torch.tensor([0])),
                         (torch.randn(5, 4, generator=g), torch.randint(0, 3, (5,), generator=g))])
    recorder = learner.Recorder()
    learn = learner.Learner(model, dls, F.cross_entropy, lr=0.0, cbs=[recorder])
    learn.fit(1)
    x = torch.cat([xb for xb, _ in dls.valid])
    y = torch.cat([yb for _, yb in dls.valid])
    with torch.no_grad():
        assert recorder.valid_losses == [pytest.approx(F.cross_entropy(model(x), y).item(), rel=1e-5)]


def test_recorder_without_validation_batches_records_no_epoch_values():
    model, dls = problem(n_train=2, n_valid=0)
    recorder = learner.Recorder(accuracy)
    learner.Learner(model, dls, F.cross_entropy, cbs=[recorder]).fit(3)
    assert len(recorder.losses) == 6 and recorder.valid_losses == [] and recorder.values == []


# --- LRFinder --------------------------------------------------------------------------------------

def test_lr_finder_grows_the_lr_stops_on_divergence_and_restores_the_model(tmp_path):
    model, dls = problem(n_train=6, n_valid=3)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    finder, spy = learner.LRFinder(start_lr=1e-4, factor=2.0, max_iters=100), Spy()
    learn = learner.Learner(model, dls, F.cross_entropy, cbs=[finder, spy])
    learn.fit(30)  # 180 batches at most: the finder stops long before
    n = len(finder.lrs)
    assert 2 <= n < 100 and len(finder.losses) == n
    assert finder.lrs[0] == 1e-4
    assert all(b == pytest.approx(2.0 * a) for a, b in zip(finder.lrs, finder.lrs[1:]))
    *kept, last = finder.losses  # it stopped at the first diverged loss
    assert not (torch.tensor(last).isfinite() and last <= 3 * min(kept))
    assert all(loss <= 3 * min(kept[:i + 1]) for i, loss in enumerate(kept))
    assert set(spy.seen) == {"train"}  # no validation pass
    assert all(torch.equal(before[k], v) for k, v in learn.model.state_dict().items())
    finder.plot(tmp_path / "lr.png")
    assert (tmp_path / "lr.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_lr_finder_stops_after_max_iters():
    model, dls = problem(n_train=4, n_valid=2)
    finder = learner.LRFinder(start_lr=1e-5, factor=1.0, max_iters=7)
    learner.Learner(model, dls, F.cross_entropy, cbs=[finder]).fit(5)
    assert finder.lrs == [1e-5] * 7
