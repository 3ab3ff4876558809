"""`python -m lim.equality` runs the `lim equality` command."""

from lim.equality.cli import main

raise SystemExit(main())
