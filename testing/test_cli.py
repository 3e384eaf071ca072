"""`grader check` end to end, in a subprocess, as a student runs it."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def grader(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


def test_solutions_get_full_marks():
    run = grader("check", "matmul", "backprop", "--impl", "solutions")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "11/11 passed" in run.stdout and "failed" not in run.stdout


def test_untouched_stubs_are_not_attempted_and_fail():
    run = grader("check", "matmul", "backprop")
    assert run.returncode == 1
    assert run.stdout.count("not attempted") == 11 and "Traceback" not in run.stdout + run.stderr


@pytest.fixture
def student_copy(tmp_path):
    for source in (ROOT / "solutions").glob("*.py"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path


def test_a_mistake_shows_input_expected_actual_and_hint(student_copy):
    mistake = (ROOT / "catalogue" / "backprop" / "relu_grad_ge_at_kink.py").read_text()
    (student_copy / "backprop.py").write_text((student_copy / "backprop.py").read_text() + "\n" + mistake)
    run = grader("check", "02", "--impl", str(student_copy))
    assert run.returncode == 1
    assert "relu_grad" in run.stdout and "failed" in run.stdout
    assert "smallest failing input" in run.stdout and "expected 0, actual 1" in run.stdout
    assert "hint: relu's gradient at exactly 0 is 0" in run.stdout


def test_a_syntax_error_is_an_error_per_exercise_not_a_crash(student_copy):
    (student_copy / "matmul.py").write_text("def matmul(a, b)\n    return a\n")
    run = grader("check", "matmul", "--impl", str(student_copy))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stdout.count(" error ") == 4 and "matmul.py line 1: not valid Python (SyntaxError" in run.stdout


def test_an_endless_loop_times_out(student_copy):
    source = (student_copy / "matmul.py").read_text()
    (student_copy / "matmul.py").write_text(source + "\ndef matmul_einsum(a, b):\n    while True:\n        pass\n")
    run = grader("check", "matmul", "--impl", str(student_copy), "--timeout", "2")
    assert run.returncode == 1
    assert "timed out" in run.stdout and "3/4 passed" in run.stdout


def test_unknown_assignment_is_a_usage_error():
    run = grader("check", "nosuch")
    assert run.returncode != 0 and "unknown assignment" in run.stderr
