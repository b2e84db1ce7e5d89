"""Before the app starts on X11: are the system libraries Qt's xcb platform plugin needs there?

Without one of them Qt aborts with "could not load the Qt platform plugin xcb" and names, at best,
one library (libxcb-cursor0), whatever is missing; the real list only shows with QT_DEBUG_PLUGINS.
Checking first lets the launcher name every missing library and the Debian packages that bring
them, in one line, and exit 2 instead of aborting.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from pathlib import Path

XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libX11.so.6": "libx11-6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
}
"""What PySide6's libqxcb.so and libQt6XcbQpa.so link against beyond the C library, by soname,
with the Debian / Ubuntu package of each (from ``ldd``)."""


def uses_xcb(environ: dict[str, str] | os._Environ[str] | None = None) -> bool:
    """Whether Qt will pick its xcb (X11) plugin: Linux, an X display, no Wayland, no other platform
    chosen."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:  # "xcb", "xcb:option=…" or a fallback list "wayland;xcb"
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def missing_xcb_libraries(load: object = None) -> list[str]:
    """The sonames of :data:`XCB_LIBRARIES` that cannot be loaded (``load`` is for tests)."""
    loader = load or ctypes.CDLL
    missing = []
    for soname in XCB_LIBRARIES:
        try:
            loader(soname)  # type: ignore[operator]
        except OSError:
            missing.append(soname)
    return missing


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin, where the wheel puts it."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def xcb_problem(load: object = None) -> str | None:
    """One line naming what is missing and how to install it, or None when nothing is. The plugin
    itself is loaded first (with the libraries a wheel may bundle beside it); only when that fails
    are the system libraries tried one by one, to name them."""
    loader = load or ctypes.CDLL
    plugin = xcb_plugin()
    if plugin is not None:
        try:
            loader(str(plugin))  # type: ignore[operator]
            return None
        except OSError:
            pass
    missing = missing_xcb_libraries(load)
    if not missing:
        return None  # the plugin failed for another reason: let Qt say it
    packages = " ".join(sorted({XCB_LIBRARIES[m] for m in missing}))
    libraries = ", ".join(missing)
    return (f"the desktop app cannot start on this X display: Qt's xcb plugin needs {libraries}; "
            f"on Debian or Ubuntu: sudo apt-get install {packages}")
