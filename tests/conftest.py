"""Test settings shared by the whole suite.

Hypothesis profiles, chosen with the environment variable
``HYPOTHESIS_PROFILE`` (default ``ci``):

- ``ci``: what CI and a plain ``pytest`` run; the array oracle
  (``tests/test_oracle_foundation.py``) draws at least 300 examples per
  property;
- ``dev``: fewer examples, for a quick local loop;
- ``long``: 5,000 examples per property, run by hand before a release
  (``HYPOTHESIS_PROFILE=long pytest tests/test_oracle_foundation.py``).
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
