"""``python -m designer`` runs the headless CLI without importing Qt."""

from designer.cli.main import run_process

run_process()
