"""Root conftest: `pytest tests --impl DIR` runs the kit's suite against DIR (default assignments/)."""
import torch

# One thread: torch's two threads stall badly when the other core is busy, and
# graded results must not depend on how many cores the grading machine has.
torch.set_num_threads(1)

pytest_plugins = ["grader._plugin"]
