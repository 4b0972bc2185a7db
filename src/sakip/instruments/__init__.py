"""The index formulas of an LKIP, one module per instrument.

Every module keeps one contract (``docs/design.md``, checked by
``tests/test_contract.py``): ``score(...)`` computes the figure the LKIP
prints for one unit and returns a frozen ``<Name>Result`` with ``value`` (an
exact, unrounded ``Decimal``), ``category`` (a ``Band`` of the instrument's
scheme, or ``None``) and ``rounded(policy)``; where many rows are scored at
once, ``score_batch(...)`` returns the shared :class:`sakip.batch.ScoreBatch`.
Instruments never import each other; what they share lives in the
foundation modules of :mod:`sakip`. Importing this package imports no
instrument: ``from sakip.instruments import ikpa`` loads that one.
"""
