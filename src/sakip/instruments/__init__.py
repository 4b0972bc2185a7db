"""The index formulas of an LKIP, one module per instrument.

Each module's main function is ``score(...)``, returning a frozen result
whose ``.value`` is the headline figure (an exact, unrounded ``Decimal``)
and whose other fields are the intermediate figures the report prints.
Instruments never import each other; what they share lives in the
foundation modules of :mod:`sakip`.
"""
