"""`python -m checker` is the same program as `plancheck`."""

import sys

from checker.cli.main import main

sys.exit(main())
