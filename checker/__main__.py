"""`python -m checker` is the same program as `plancheck`."""

import sys

from checker.cli.main import main

if __name__ == "__main__":  # Dask's worker processes import this module again
    sys.exit(main())
