"""The ready-made tools the reference ships: ProgressCallback, Recorder, LRFinder and plot_schedule."""
import io
import sys

import torch
import torch.nn.functional as F

from solutions import capstone
from solutions.learner import Learner, LRFinder, ProgressCallback, Recorder
from solutions.loss import accuracy
from solutions.schedule import combine_scheds, plot_schedule, sched_cos, sched_lin


def small_learner(cbs, lr=0.1):
    torch.manual_seed(0)
    x, y = torch.randn(64, 4), torch.randint(0, 3, (64,))
    dls = capstone.DataLoaders(capstone.Batches(x[:48], y[:48], 8, shuffle=True),
                               capstone.Batches(x[48:], y[48:], 8, shuffle=False))
    return Learner(torch.nn.Linear(4, 3), dls, F.cross_entropy, lr=lr, cbs=cbs)


def test_recorder_records_losses_learning_rates_and_metrics():
    recorder = Recorder(accuracy)
    small_learner([recorder]).fit(2)
    assert len(recorder.losses) == len(recorder.lrs) == 2 * 6
    assert set(recorder.lrs) == {0.1}
    assert len(recorder.valid_losses) == 2 and len(recorder.values) == 2 and 0 <= recorder.values[0][0] <= 1


def test_progress_bar_is_silent_under_pytest_and_shows_when_forced(monkeypatch):
    small_learner([ProgressCallback()]).fit(1)  # no bar: pytest is running
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    small_learner([ProgressCallback(force=True)]).fit(1)
    assert "epoch 1/1" in stream.getvalue()


def test_lr_finder_stops_on_divergence_restores_the_model_and_plots(tmp_path):
    finder = LRFinder(start_lr=1e-4, factor=2.0, max_iters=60)
    learn = small_learner([finder])
    before = {k: v.clone() for k, v in learn.model.state_dict().items()}
    learn.fit(20)
    assert 2 <= len(finder.lrs) < 60 and finder.lrs[1] == 2 * finder.lrs[0]
    assert all(torch.equal(before[k], v) for k, v in learn.model.state_dict().items())
    finder.plot(tmp_path / "lr.png")
    assert (tmp_path / "lr.png").stat().st_size > 1000


def test_plot_schedule_saves_a_figure(tmp_path):
    schedule = combine_scheds([0.3, 0.7], [lambda p: sched_cos(0.1, 1.0, p), lambda p: sched_lin(1.0, 0.0, p)])
    plot_schedule(schedule, tmp_path / "schedule.png")
    assert (tmp_path / "schedule.png").stat().st_size > 1000
