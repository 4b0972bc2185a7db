"""Hypothesis strategies shared by the test suite."""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import strategies as st

from sakip import Band, BandScheme
from sakip.bands import GapPolicy


def decimals(
    places: int = 2, low: int = -(10**6), high: int = 10**6
) -> st.SearchStrategy[Decimal]:
    """Decimals with at most ``places`` decimals, as figures in a report."""
    scale = 10**places
    return st.integers(low * scale, high * scale).map(lambda n: Decimal(n).scaleb(-places))


@st.composite
def band_schemes(draw: st.DrawFn, allow_gaps: bool = True) -> BandScheme:
    """Valid band schemes: sorted, non-overlapping, gaps only with a policy."""
    count = draw(st.integers(1, 6))
    places = draw(st.integers(0, 4))
    points = sorted(
        draw(
            st.lists(
                st.integers(-(10**6), 10**6), min_size=2 * count, max_size=2 * count, unique=True
            )
        )
    )
    bounds = [Decimal(p).scaleb(-places) for p in points]
    bands = []
    any_gap = False
    for position in range(count):
        lower, upper = bounds[2 * position], bounds[2 * position + 1]
        gap_after = allow_gaps and draw(st.booleans())
        if position + 1 < count and not gap_after:
            # Make the next band start where this one ends.
            bounds[2 * position + 2] = upper
        elif position + 1 < count:
            any_gap = True
        lower_closed = draw(st.booleans())
        upper_closed = draw(st.booleans())
        if position > 0 and bands[-1].upper == lower:
            # Exactly one side of a shared bound is closed.
            lower_closed = not bands[-1].upper_closed
        bands.append(
            Band(
                f"band{position}",
                None if position == 0 and draw(st.booleans()) else lower,
                None if position == count - 1 and draw(st.booleans()) else upper,
                lower_closed=lower_closed,
                upper_closed=upper_closed,
            )
        )
    # An open-open joint is a one-point gap.
    for below, above in itertools.pairwise(bands):
        if below.upper == above.lower and not (below.upper_closed or above.lower_closed):
            any_gap = True
    policy = draw(st.sampled_from(list(GapPolicy))) if any_gap else None
    return BandScheme("generated", bands, source="hypothesis", gap_policy=policy)
