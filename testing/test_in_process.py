"""Running student code: stubs, errors, broken files, endless loops and non-plain results."""
import numpy as np
import pytest
import torch

from grader._outcome import ModuleBroken, NotAttempted, Raised, StudentError, TimedOut
from grader._student_code.in_process import LocalImplementation
from grader._student_code.plain import NotPlain, to_plain


def probe(m, *args):
    return m.f(*args)


probe.__module__ = "tests.probes.student"  # probes name their module by their own module's name


@pytest.fixture
def student(tmp_path):
    def make(source: str, timeout: float = 5.0) -> LocalImplementation:
        (tmp_path / "student.py").write_text(source)
        return LocalImplementation(tmp_path, call_timeout=timeout)
    return make


def test_results_come_back_as_fresh_tensors(student):
    impl = student("import torch\ndef f(x):\n    x.mul_(2)\n    return x + 1\n")
    x = torch.ones(3)
    out = impl.run(probe, x)
    assert torch.equal(out, torch.full((3,), 3.0)) and torch.equal(x, torch.ones(3))


def test_a_stub_is_not_attempted(student):
    with pytest.raises(NotAttempted, match="write f"):
        student("def f(x):\n    raise NotImplementedError('write f')\n").run(probe, 1)


def test_an_exception_names_the_students_line(student):
    with pytest.raises(StudentError, match=r"ZeroDivisionError: division by zero \(student.py line 2\)"):
        student("def f(x):\n    return x / 0\n").run(probe, 1)


def test_an_expected_exception_is_returned_as_plain_data(student):
    raised = student("def f(x):\n    raise ValueError('bad x')\n").run(probe, 1, expect_error=True)
    assert raised == Raised("ValueError", "bad x", ("ValueError", "Exception", "BaseException", "object"))


def test_a_missing_name_says_which(student):
    with pytest.raises(StudentError, match="student.py defines no 'f'"):
        student("def g():\n    pass\n").run(probe)


@pytest.mark.parametrize("source, reason", [
    ("def f(:\n", r"student.py line 1: not valid Python \(SyntaxError"),
    ("import sys\nsys.exit(3)\n", "importing student.py raised SystemExit"),
    ("raise RuntimeError('at import')\n", "RuntimeError: at import"),
])
def test_a_module_that_cannot_import_is_broken(student, source, reason):
    impl = student(source)
    for _ in range(2):  # and stays broken, without importing again
        with pytest.raises(ModuleBroken, match=reason):
            impl.run(probe)


def test_a_missing_file_is_broken(tmp_path):
    with pytest.raises(ModuleBroken, match="there is no student.py"):
        LocalImplementation(tmp_path).run(probe)


def test_an_endless_loop_times_out_saying_where_and_on_what(student):
    """Hypothesis shows no example for a timeout: the message names the line and the input itself."""
    with pytest.raises(TimedOut, match=r"longer than 0.5 s \(student.py line [23]\), on the probe's input "
                                       r"\(tensor\(\[1.0, 2.0\]\), 7\)"):
        student("def f(x, n):\n    while True:\n        pass\n", timeout=0.5).run(probe, torch.tensor([1.0, 2.0]), 7)


def test_a_numpy_result_is_not_a_tensor(student):
    from grader.testing import NOT_A_TENSOR, Mismatch, expect_tensor

    out = student("import numpy as np\ndef f():\n    return np.ones(3)\n").run(probe)
    assert type(out) is np.ndarray
    with pytest.raises(Mismatch, match="should be a tensor, got a numpy array of dtype float64 and shape") as caught:
        expect_tensor(out, what="f()")
    assert caught.value.hint == NOT_A_TENSOR


@pytest.mark.parametrize("value", [
    torch.ones(2).as_subclass(type("Sneaky", (torch.Tensor,), {})),
    np.array(["a"], dtype=object),
    object(),
    {1: 2},
    lambda: 0,
])
def test_only_plain_data_is_accepted(value):
    with pytest.raises(NotPlain):
        to_plain(value)


def test_plain_data_round_trips():
    value = {"a": [1, 2.5, None, "s", True], "t": torch.arange(3), "p": torch.nn.Parameter(torch.ones(1))}
    plain = to_plain(value)
    assert plain["a"] == [1, 2.5, None, "s", True]
    assert isinstance(plain["t"], np.ndarray) and plain["t"].dtype == np.int64
