"""The judges of grader.testing, on values whose verdict is known."""
import numpy as np
import pytest
import torch

from grader.testing import NOT_A_TENSOR, WRONG_DTYPE, Mismatch, expect_close, expect_tensor

INF, NAN = float("inf"), float("nan")


@pytest.mark.parametrize("actual, expected", [
    ([1.0, 2.0], [1.0, 2.0 + 1e-9]), ([NAN, -INF], [NAN, -INF]), ([INF], [INF]), ([0.0], [1e-8]),
])
def test_close_values_and_the_same_specials_pass(actual, expected):
    expect_close(torch.tensor(actual, dtype=torch.float64), torch.tensor(expected, dtype=torch.float64), what="x")


@pytest.mark.parametrize("actual, expected", [
    ([1e300], [INF]), ([-1e300], [-INF]), ([INF], [-INF]), ([1.0], [NAN]), ([NAN], [1.0]), ([INF], [1e300]),
])
def test_an_infinity_or_a_nan_is_met_only_by_itself(actual, expected):
    """rtol * inf would allow any finite value where inf is expected: an infinity must be met exactly."""
    with pytest.raises(Mismatch):
        expect_close(torch.tensor(actual, dtype=torch.float64), torch.tensor(expected, dtype=torch.float64),
                     what="x", rtol=1e-3, atol=1.0)


def test_what_is_not_a_tensor_or_has_another_dtype_says_so_with_its_own_hint():
    for value in (np.ones(2), [1.0, 1.0], 2.0):
        with pytest.raises(Mismatch, match="should be a tensor") as caught:
            expect_tensor(value, what="x")
        assert caught.value.hint == NOT_A_TENSOR
    with pytest.raises(Mismatch, match="has dtype torch.float32, expected torch.float64") as caught:
        expect_close(torch.ones(2), torch.ones(2, dtype=torch.float64), what="x")
    assert caught.value.hint == WRONG_DTYPE
