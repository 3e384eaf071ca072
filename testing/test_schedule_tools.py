"""The ready-made tool of solutions/schedule.py (not an exercise): plot_schedule.

The learner's tools (ProgressCallback, Recorder, LRFinder) are tested in test_learner_tools.py.
"""
from solutions.schedule import combine_scheds, plot_schedule, sched_cos, sched_lin


def test_plot_schedule_saves_a_figure(tmp_path):
    schedule = combine_scheds([0.3, 0.7], [lambda p: sched_cos(0.1, 1.0, p), lambda p: sched_lin(1.0, 0.0, p)])
    plot_schedule(schedule, tmp_path / "schedule.png")
    assert (tmp_path / "schedule.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
