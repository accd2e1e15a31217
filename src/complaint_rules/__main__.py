"""``python -m complaint_rules`` runs the command line."""

from .cli import main

raise SystemExit(main())
