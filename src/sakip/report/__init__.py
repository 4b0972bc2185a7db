"""The LKIP report: a data set format, its computed tables, the audit, renderers."""
