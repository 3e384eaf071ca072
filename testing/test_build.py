"""grader build: solution regions become stubs; bad markers are refused."""
import ast
import textwrap

import pytest

from grader import ExitCode, main
from grader._build import BuildError, make_stub

SOURCE = textwrap.dedent('''\
    """Module docstring."""
    import torch


    def relu(x):
        """Max(x, 0)."""
        ### BEGIN SOLUTION
        y = x.clamp_min(0.0)
        return y
        ### END SOLUTION


    class Thing:
        def forward(self, x):
            if x is None:
                ### BEGIN SOLUTION
                return 0
                ### END SOLUTION
            return 1
    ''')


def test_regions_become_indented_stubs_that_name_the_exercise():
    """Each region becomes one raise at the marker's indentation, naming the function or method."""
    stub = make_stub(SOURCE, "backprop")
    assert "clamp_min" not in stub and "return 0" not in stub
    assert '\n    raise NotImplementedError("lesson 8, assignment 02 backprop: write relu")\n' in stub
    assert '\n            raise NotImplementedError("lesson 8, assignment 02 backprop: write Thing.forward")\n' in stub
    assert '"""Max(x, 0)."""' in stub and '"""Module docstring."""' in stub
    ast.parse(stub)


@pytest.mark.parametrize("body, complaint", [
    ("def f():\n    ### BEGIN SOLUTION\n    ### BEGIN SOLUTION\n    pass\n    ### END SOLUTION\n", "inside the region"),
    ("def f():\n    ### BEGIN SOLUTION\n    pass\n", "never closed"),
    ("def f():\n    pass\n    ### END SOLUTION\n", "without"),
    ("### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n", "inside a def or class"),
    ("def f():\n    ### BEGIN SOLUTION\n    pass\n  ### END SOLUTION\n", "not indented like"),
    ("def f(:\n    pass\n", "line 1"),
])
def test_bad_markers_are_refused(body, complaint):
    """Nested, unclosed, stray, misplaced or misindented markers stop the build with the line."""
    with pytest.raises(BuildError, match=complaint):
        make_stub(body, "matmul")


def test_the_committed_assignments_are_fresh(capsys):
    """`grader build --check` passes on the repository: assignments/ matches solutions/."""
    assert main(["build", "--check"]) == ExitCode.OK
    assert "up to date" in capsys.readouterr().out
