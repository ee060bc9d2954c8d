"""pack_floats / unpack_floats: the compact text the widgets' curves travel in."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from forcecouple.view.widgets import PACK_BITS, pack_floats, unpack_floats

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False, width=64)


@given(arrays(np.float64, st.integers(0, 300), elements=finite))
def test_no_value_moves_by_more_than_half_a_step(values):
    back = unpack_floats(pack_floats(values))
    assert back.shape == values.shape
    largest = float(np.max(np.abs(values), initial=0.0))
    assert np.all(np.abs(back - values) <= math.ldexp(largest, -PACK_BITS - 1) * (1 + 1e-9))


@given(arrays(np.float64, st.integers(1, 200), elements=finite))
def test_packing_again_gives_the_same_text(values):
    text = pack_floats(values)
    assert pack_floats(unpack_floats(text)) == text


def test_a_smooth_curve_packs_into_small_integers_that_compress():
    import base64
    import gzip

    curve = 0.05 * np.cos(np.radians(np.linspace(-60, 60, 481)))
    text = pack_floats(curve)
    float32 = base64.b64encode(curve.astype("<f4").tobytes())
    assert len(gzip.compress(text.encode())) < len(gzip.compress(float32)) / 3
    assert text.startswith(f"{math.ldexp(0.05, -PACK_BITS)!r}:")


def test_zeros_and_empty_arrays_round_trip():
    assert unpack_floats(pack_floats([0.0, 0.0, 0.0])).tolist() == [0.0, 0.0, 0.0]
    assert unpack_floats(pack_floats([])).size == 0


@pytest.mark.parametrize(("values", "error", "words"), [
    ([1.0, float("nan")], ValueError, "finite numbers, got nan at index 1"),
    ([float("inf")], ValueError, "finite numbers, got inf at index 0"),
    ([[1.0, 2.0]], ValueError, "one-dimensional, got an array of shape (1, 2)"),
    ("1,2", TypeError, "numbers (a list or array), got str"),
    ([1.0, "a"], TypeError, "numbers (a list or array)"),
])
def test_bad_values_are_refused_with_their_name(values, error, words):
    with pytest.raises(error, match="values must be") as caught:
        pack_floats(values)
    assert words in str(caught.value)


@pytest.mark.parametrize("text", ["", "1.0", "x:1,2", "1.0:1,,2", "nan:1", "1.0:1.5"])
def test_text_that_pack_floats_did_not_write_is_refused(text):
    with pytest.raises(ValueError, match="text must be pack_floats'"):
        unpack_floats(text)


def test_unpack_wants_text():
    with pytest.raises(TypeError, match="text must be a str"):
        unpack_floats(b"1.0:1")
