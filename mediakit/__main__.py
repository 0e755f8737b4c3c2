"""``python -m mediakit``: the same as the ``mediakit`` command.

>>> import mediakit.__main__  # doctest: +SKIP
"""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
