"""``python -m designer`` runs the headless CLI without importing Qt."""

from designer.cli.main import main

raise SystemExit(main())
