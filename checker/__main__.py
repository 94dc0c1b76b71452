"""`python -m checker` is the same program as `plancheck`."""

import sys

from checker.cli import main

sys.exit(main())
