"""Panel test fixture: a main window on the Regen Commons sample with its panels built."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import SAMPLE


@pytest.fixture
def window(make_window):  # type: ignore[no-untyped-def]
    """The main window on the Regen Commons sample, panels built."""

    def make(path: str | Path | None = SAMPLE):  # type: ignore[no-untyped-def]
        w = make_window(path)
        w.panels.start()
        return w

    return make
