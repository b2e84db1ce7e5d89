"""Keyboard-first test fixture: the panel window of tests/ui/panels, shared here."""

from __future__ import annotations

from tests.ui.panels.conftest import window  # noqa: F401  (the fixture, re-exported)
