"""``python -m sakip``: the same as the ``sakip`` command."""

from sakip.cli import run

if __name__ == "__main__":
    run()
