"""`python -m lim.rules list|eval ...` runs the `lim rules` command."""

from lim.rules.cli import main

raise SystemExit(main())
