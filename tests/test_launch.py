"""The entry point: a mistyped command or a missing file never starts the app, and the app never
starts where there is no display to show it (it would wait forever, invisible)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.launch import main

SAMPLE = str(Path(__file__).resolve().parent.parent / "samples" / "regen-commons.dao.yaml")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def test_a_mistyped_command_is_named_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "valdiate", SAMPLE) == (
        2,
        "error: 'valdiate' is neither a command nor a file; did you mean 'validate'?\n",
    )
    assert run(capsys, "zzz") == (
        2,
        "error: 'zzz' is neither a command nor a file; run 'dao-designer --help' for the commands\n",
    )


def test_missing_files_and_folders_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, str(tmp_path / "nope.dao.yaml")) == (2, f"error: {tmp_path / 'nope.dao.yaml'}: no such file\n")
    assert run(capsys, str(tmp_path)) == (2, f"error: {tmp_path}: is a folder, not a state file\n")
    assert run(capsys, SAMPLE, "extra") == (2, "error: the app opens one file; got 2 arguments ('extra' is extra)\n")


def test_no_display_is_refused(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    code, err = run(capsys, SAMPLE)
    assert code == 2
    assert err.startswith("error: no display to show the app on (DISPLAY and WAYLAND_DISPLAY are not set)")


def test_missing_x11_libraries_are_named_with_their_packages(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt would abort naming only libxcb-cursor0; the launcher names all that is missing, once."""
    import ctypes

    for name in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr("sys.platform", "linux")
    real = ctypes.CDLL

    def without_two(soname: str) -> object:
        if soname in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1") or soname.endswith("libqxcb.so"):
            raise OSError(f"{soname}: cannot open shared object file")  # the plugin fails for want of them
        return real(soname)

    monkeypatch.setattr(ctypes, "CDLL", without_two)
    code, err = run(capsys, SAMPLE)
    assert (code, err) == (2, "error: the desktop app cannot start on this X display: Qt's xcb plugin needs "
                              "libxcb-icccm.so.4, libxcb-keysyms.so.1; on Debian or Ubuntu: sudo apt-get install "
                              "libxcb-icccm4 libxcb-keysyms1\n")


def test_a_loadable_plugin_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only when the plugin itself cannot load are the system libraries named (a wheel may bundle
    some of them beside it, where a lookup by name would not find them)."""
    from ui import platform_check

    tried: list[str] = []

    def load(name: str) -> object:
        tried.append(name)
        if name.endswith("libqxcb.so"):
            return object()
        raise OSError(name)

    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: Path("/opt/PySide6/Qt/plugins/platforms/libqxcb.so"))
    assert platform_check.xcb_problem(load) is None
    assert tried == ["/opt/PySide6/Qt/plugins/platforms/libqxcb.so"]


def test_which_platforms_are_checked_for_x11_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.platform_check import uses_xcb

    monkeypatch.setattr("sys.platform", "linux")
    assert uses_xcb({"DISPLAY": ":0"})
    assert not uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})
    assert uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"})
    assert not uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb;wayland"}) and not uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"})
    monkeypatch.setattr("sys.platform", "darwin")
    assert not uses_xcb({"DISPLAY": ":0"})
