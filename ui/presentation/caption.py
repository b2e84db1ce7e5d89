"""The caption band under the canvas in presentation mode: what the room reads at each step.

A white band in large type (sized in pixels, for a 1080-line projector): the step's title, what
it is about, numbered items to tick, the guide's prompts with their answers, and a footer with the
step count, the step's clock and a calm count of things to look at later. It only draws
:class:`designer.presentation.Slide` values; the controller decides what they hold.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from designer.presentation import MAX_KEYED_ITEMS, Slide

TITLE_PX, TEXT_PX, SMALL_PX = 40, 24, 19
INK, MUTED, TICK, FOCUS = "#000000", "#2f3540", "#175a32", "#e6eaf1"
KEYS_HINT = "PgDn / → next · PgUp / ← back · 1–9, 0 tick · Tab next card or prompt · Enter type · B blank · Esc leave"
ANSWER_CHARS = 90
"""An answer in the list of prompts is cut after this many characters; the prompt in focus shows whole."""


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(["Inter", "Cantarell", "Noto Sans", "DejaVu Sans", "Helvetica", "Arial"])
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def _label(px: int, bold: bool = False, colour: str = INK) -> QLabel:
    label = QLabel()
    label.setFont(_font(px, bold))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet(f"color: {colour}; background: transparent;")
    return label


class StatusLine(QLabel):
    """One line of plain text that gives way: cut with "…" where the room runs out, so the key
    hints beside it keep their line. ``text()`` stays whole."""

    def __init__(self, px: int, colour: str) -> None:
        super().__init__()
        self.setFont(_font(px))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {colour}; background: transparent;")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def shown_text(self) -> str:
        """The text as painted, cut to the label's width."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.shown_text())


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def key_of(index: int) -> str:
    """The key that ticks item ``index`` (from 0): 1 to 9, then 0."""
    return str((index + 1) % 10)


class Caption(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentation-caption")
        self.setStyleSheet("#presentation-caption { background: #ffffff; border-top: 3px solid #2f3540; }")
        self.title = _label(TITLE_PX, bold=True)
        self.title.setObjectName("presentation-title")
        self.counter = _label(SMALL_PX, colour=MUTED)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.counter.setWordWrap(False)
        self.subtitle = _label(TEXT_PX, colour=MUTED)
        self.facts = _label(TEXT_PX)
        self.items = _label(TEXT_PX)
        self.items.setObjectName("presentation-items")
        self.answers = _label(SMALL_PX + 2)
        self.answers.setObjectName("presentation-answers")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("presentation-editor")
        self.editor.setFont(_font(TEXT_PX))
        self.editor.setStyleSheet("background: #ffffff; color: #000000; border: 3px solid #0047d6;")
        self.editor.setFixedHeight(TEXT_PX * 5)
        self.editor.hide()
        self.footer = StatusLine(SMALL_PX, MUTED)
        self.footer.setObjectName("presentation-footer")
        """What was just done, undone or refused, and the calm count of findings."""
        self.hints = _label(SMALL_PX, colour=MUTED)
        self.hints.setObjectName("presentation-hints")
        self.hints.setWordWrap(False)
        self.hints.setText(_esc(KEYS_HINT))
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addWidget(self.footer, 1)
        bottom.addWidget(self.hints, 0, Qt.AlignmentFlag.AlignRight)
        self.message = ""
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.counter, 0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 14, 28, 12)
        lay.setSpacing(6)
        lay.addLayout(top)
        for w in (self.subtitle, self.facts, self.items, self.answers, self.editor):
            lay.addWidget(w)
        lay.addLayout(bottom)
        self._problems = ""
        self._where = ""
        self._clock = ""

    # --- content ---------------------------------------------------------------------------------

    def show_slide(self, slide: Slide, where: str, field_at: int = 0) -> None:
        """Draw ``slide``; ``where`` is the step count (``12 / 52``), ``field_at`` the prompt in focus."""
        self.title.setText(_esc(slide.title))
        self.subtitle.setText(_esc(slide.subtitle))
        self.subtitle.setVisible(bool(slide.subtitle))
        facts = [f"<b>{_esc(label)}</b> &nbsp;{_esc(text)}" if label else _esc(text) for label, text in slide.facts]
        self.facts.setText("<br>".join(facts))
        self.facts.setVisible(bool(facts))
        self.items.setText(self._items_html(slide))
        self.items.setVisible(bool(slide.items))
        self.answers.setText(self._answers_html(slide, field_at))
        self.answers.setVisible(bool(slide.answers))
        self._where = where
        self._refresh_corner()

    @staticmethod
    def _items_html(slide: Slide) -> str:
        rows = []
        for i, item in enumerate(slide.items):
            key = key_of(i) if i < MAX_KEYED_ITEMS else ""
            mark = f"<span style='color:{TICK}'>☑</span>" if item.ticked else "☐"
            rows.append(f"<tr><td style='color:{MUTED}; padding-right:10px'>{key}</td><td>{mark}</td>"
                        f"<td style='padding-left:8px'>{_esc(item.text)}</td></tr>")
        heading = f"<b>{_esc(slide.items_heading)}</b>" if slide.items_heading else ""
        return f"{heading}<table cellspacing='0' cellpadding='1'>{''.join(rows)}</table>"

    @staticmethod
    def _answers_html(slide: Slide, field_at: int) -> str:
        rows = []
        for i, a in enumerate(slide.answers):
            mark = "✓" if a.text else "○"
            if i == field_at:
                hint = " (Enter: type the answer)" if a.typed else " (tick with the number keys)"
                text = _esc(a.text) if a.text else f"<i style='color:{MUTED}'>no answer yet</i>"
                rows.append(f"<tr><td style='background:{FOCUS}; padding:4px'>▶ {mark} <b>{_esc(a.label)}</b>"
                            f"<span style='color:{MUTED}'>{_esc(hint)}</span><br>{text}</td></tr>")
            else:
                short = a.text.replace("\n", "; ")
                short = short if len(short) <= ANSWER_CHARS else short[: ANSWER_CHARS - 1] + "…"
                rows.append(f"<tr><td style='padding:1px 4px'>{mark} {_esc(a.label)}"
                            f"{': ' + _esc(short) if short else ''}</td></tr>")
        return f"<table cellspacing='0'>{''.join(rows)}</table>"

    def set_problems(self, text: str) -> None:
        self._problems = text
        self._refresh_footer()

    def set_clock(self, text: str) -> None:
        self._clock = text
        self._refresh_corner()

    def say(self, message: str) -> None:
        """A short note in the footer (a refusal, what was undone); the next step clears it."""
        self.message = message
        self._refresh_footer()

    def _refresh_corner(self) -> None:
        self.counter.setText(f"{_esc(self._where)}<br>{_esc(self._clock)}")

    def _refresh_footer(self) -> None:
        self.footer.setText("  ·  ".join(p for p in (self.message, self._problems) if p))

    # --- typing an answer ------------------------------------------------------------------------

    def open_editor(self, text: str) -> None:
        self.editor.setPlainText(text)
        self.editor.show()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.selectAll()

    def close_editor(self) -> None:
        self.editor.hide()

    def editing(self) -> bool:
        return self.editor.isVisible()
