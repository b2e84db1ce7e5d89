"""The caption band under the canvas in presentation mode: what the room reads at each step.

A white band in large type (sized in pixels, for a 1080-line projector): the step's title and what
it is about on one line; under it, side by side, the context (the step's facts, the guide's
prompts) and what the room acts on (the numbered items to tick, or the answer of the prompt in
focus and its editor); and a footer with what was just done, a calm count of things to look at
later and the keys. The band never takes more than :data:`MAX_SHARE` of the window: a guide
section lists only the prompts around the one in focus, and long content is set in smaller type
(the design above it must stay readable). It only draws :class:`designer.presentation.Slide`
values; the controller decides what they hold.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from designer.presentation import MAX_KEYED_ITEMS, Answer, Slide

TITLE_PX, TEXT_PX, SMALL_PX = 40, 24, 19
BODY_PX = (TEXT_PX, 21, SMALL_PX, 17)
"""The sizes the facts, items and prompts are tried in, largest first, until the band fits."""
WALL_LINES = 1080
"""The window height the sizes are for; a smaller window (a 720-line projector) scales them down."""
SMALLEST_SCALE = 0.6
MAX_SHARE = 0.4
"""The most of the window's height the band takes, whatever the step holds."""
INK, MUTED, TICK, FOCUS = "#000000", "#2f3540", "#175a32", "#e6eaf1"
KEYS_HINT = "PgDn / → next · PgUp / ← back · 1–9, 0 tick · Tab next card or prompt · Enter type · B blank · Esc leave"
ANSWER_CHARS = 60
"""An answer in the list of prompts is cut after this many characters; the prompt in focus shows
whole beside the list (up to :data:`FOCUS_CHARS`)."""
FOCUS_CHARS = 420
BODY_SPACING = 36
FIT_SLACK = 6
"""Pixels kept in hand when the band is measured for a size of type (the measure is a few pixels short)."""
COLUMN_STRETCH = {False: 9, True: 11}
"""How the width is shared between the context (facts, prompts) and what the room acts on (items)."""
PROMPTS_AROUND = 2
"""Prompts listed before and after the one in focus; the rest are counted ("+9 more")."""


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
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
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


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def key_of(index: int) -> str:
    """The key that ticks item ``index`` (from 0): 1 to 9, then 0."""
    return str((index + 1) % 10)


def prompt_window(count: int, at: int, around: int = PROMPTS_AROUND) -> range:
    """The prompts listed around prompt ``at`` of ``count``: ``around`` each side, more on one side
    at the ends of the list, so the list keeps its length."""
    size = min(count, 2 * around + 1)
    start = max(0, min(at - around, count - size))
    return range(start, start + size)


class Caption(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentation-caption")
        self.setStyleSheet("#presentation-caption { background: #ffffff; border-top: 3px solid #2f3540; }")
        self.title = _label(TITLE_PX, bold=True)
        self.title.setObjectName("presentation-title")
        self.title.setWordWrap(False)
        self.subtitle = _label(TEXT_PX, colour=MUTED)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.counter = _label(SMALL_PX, colour=MUTED)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.counter.setWordWrap(False)
        self.facts = _label(TEXT_PX)
        self.answers = _label(TEXT_PX)
        self.answers.setObjectName("presentation-answers")
        self.items = _label(TEXT_PX)
        self.items.setObjectName("presentation-items")
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
        self.message = ""

        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.title, 0)
        top.addWidget(self.subtitle, 1)
        top.addWidget(self.counter, 0)
        self.context = QWidget()
        left = QVBoxLayout(self.context)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(8)
        left.addWidget(self.facts)
        left.addWidget(self.answers)
        left.addStretch(1)
        self.acting = QWidget()
        right = QVBoxLayout(self.acting)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(6)
        right.addWidget(self.items)
        right.addWidget(self.editor)
        right.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(BODY_SPACING)
        body.addWidget(self.context, COLUMN_STRETCH[False])
        body.addWidget(self.acting, COLUMN_STRETCH[True])
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addWidget(self.footer, 1)
        bottom.addWidget(self.hints, 0, Qt.AlignmentFlag.AlignRight)
        lay = self._lay = QVBoxLayout(self)
        self._column_spacing = {False: left.spacing(), True: right.spacing()}
        lay.setContentsMargins(28, 10, 28, 10)
        lay.setSpacing(6)
        lay.addLayout(top)
        lay.addLayout(body)
        lay.addLayout(bottom)
        self._problems = ""
        self._where = ""
        self._clock = ""
        self._body_px = TEXT_PX
        self._scale = 1.0
        self._rearrange = QTimer(self)
        self._rearrange.setSingleShot(True)
        self._rearrange.setInterval(0)
        self._rearrange.timeout.connect(self._arrange)

    # --- content ---------------------------------------------------------------------------------

    def show_slide(self, slide: Slide, where: str, field_at: int = 0) -> None:
        """Draw ``slide``; ``where`` is the step count (``12 / 52``), ``field_at`` the prompt in focus."""
        self.title.setText(_esc(slide.title))
        self.subtitle.setText(_esc(slide.subtitle))
        facts = [f"<b>{_esc(label)}</b> &nbsp;{_esc(text)}" if label else _esc(text) for label, text in slide.facts]
        self.facts.setText("<br>".join(facts))
        self.facts.setVisible(bool(facts))
        self.items.setText(self._items_html(slide, field_at))
        self.items.setVisible(bool(slide.items or slide.answers) and self.editor.isHidden())
        self.answers.setText(self._answers_html(slide.answers, field_at))
        self.answers.setVisible(bool(slide.answers))
        self._where = where
        self._refresh_corner()
        self._arrange()

    @staticmethod
    def _items_html(slide: Slide, field_at: int) -> str:
        """The numbered items to tick, or (a prompt answered by typing) the answer in focus whole."""
        if not slide.items and slide.answers:
            a = slide.answers[min(field_at, len(slide.answers) - 1)]
            text = _esc(_cut(a.text, FOCUS_CHARS)) if a.text else f"<i style='color:{MUTED}'>no answer yet</i>"
            return (f"<b>{_esc(a.label)}</b> <span style='color:{MUTED}'>(Enter: type the answer)</span>"
                    f"<br>{text}")
        rows = []
        for i, item in enumerate(slide.items):
            key = key_of(i) if i < MAX_KEYED_ITEMS else ""
            mark = f"<span style='color:{TICK}'>☑</span>" if item.ticked else "☐"
            rows.append(f"<tr><td style='color:{MUTED}; padding-right:10px'>{key}</td><td>{mark}</td>"
                        f"<td style='padding-left:8px'>{_esc(item.text)}</td></tr>")
        heading = slide.items_heading
        if slide.answers:
            heading += " (tick with the number keys)"
        heading_html = f"<b>{_esc(heading)}</b>" if heading else ""
        return f"{heading_html}<table cellspacing='0' cellpadding='0'>{''.join(rows)}</table>"

    @staticmethod
    def _answers_html(answers: tuple[Answer, ...], field_at: int) -> str:
        """The guide's prompts around the one in focus (▶), each with ✓ or ○ and its answer cut
        short; the prompts before and after are counted."""
        if not answers:
            return ""
        shown = prompt_window(len(answers), field_at)
        rows = []

        def more(part: tuple[Answer, ...], word: str) -> None:
            if part:
                done = sum(1 for a in part if a.text)
                rows.append(f"<tr><td style='color:{MUTED}; padding:0 4px'>+{len(part)} {word}"
                            f" ({done} answered)</td></tr>")

        more(answers[: shown.start], "above")
        for i in shown:
            a = answers[i]
            mark = "✓" if a.text else "○"
            short = _cut(a.text.replace("\n", "; "), ANSWER_CHARS)
            answer = f"<span style='color:{MUTED}'>: {_esc(short)}</span>" if short else ""
            if i == field_at:
                rows.append(f"<tr><td style='background:{FOCUS}; padding:0 4px'>▶ {mark} <b>{_esc(a.label)}</b>"
                            f"{answer}</td></tr>")
            else:
                rows.append(f"<tr><td style='padding:0 4px'>{mark} {_esc(a.label)}{answer}</td></tr>")
        more(answers[shown.stop:], "more")
        return f"<table cellspacing='0'>{''.join(rows)}</table>"

    # --- fitting the band ------------------------------------------------------------------------

    def _arrange(self) -> None:
        """Show the columns that hold something, then set the body's type as large as fits."""
        self.context.setVisible(not self.facts.isHidden() or not self.answers.isHidden())
        self.acting.setVisible(not self.items.isHidden() or not self.editor.isHidden())
        for px in BODY_PX:
            self._set_body_px(px)
            if self.needed_height() + FIT_SLACK <= self.room():
                break
        self.setMaximumHeight(max(1, int(self.room())))

    def _set_body_px(self, px: int) -> None:
        """Set the type: the body at ``px``, everything at the window's scale (1 on a 1080-line wall)."""
        scale = self.scale()
        if (px, scale) == (self._body_px, self._scale):
            return
        self._body_px, self._scale = px, scale

        def size(n: int) -> int:
            return max(9, round(n * scale))

        for label in (self.facts, self.items, self.answers):
            label.setFont(_font(size(px)))
        self.subtitle.setFont(_font(size(min(px, TEXT_PX))))
        self.title.setFont(_font(size(TITLE_PX), bold=True))
        for label in (self.counter, self.footer, self.hints):
            label.setFont(_font(size(SMALL_PX)))
        self.editor.setFont(_font(size(TEXT_PX)))
        self.editor.setFixedHeight(size(TEXT_PX) * 5)

    def scale(self) -> float:
        """How the pixel sizes are scaled for the window: 1 from :data:`WALL_LINES` lines up."""
        if self.parentWidget() is None:
            return 1.0
        return max(SMALLEST_SCALE, min(1.0, self.window().height() / WALL_LINES))

    def rearrange(self) -> None:
        """Fit the band again soon (the window changed its size)."""
        self._rearrange.start()

    def room(self) -> float:
        """The most the band may take: :data:`MAX_SHARE` of the window's height."""
        return MAX_SHARE * self.window().height() if self.parentWidget() is not None else float("inf")

    def needed_height(self) -> int:
        """The band's height for the window's width, with what it shows now (added up from the
        labels' heights at their columns' widths: the layouts' own answers are cached)."""
        parent = self.parentWidget()
        width = parent.width() if parent is not None else self.width()
        lay = self._lay
        margins = lay.contentsMargins()
        inner = width - margins.left() - margins.right()
        columns = [c for c in (self.context, self.acting) if not c.isHidden()]
        spare = inner - BODY_SPACING * (len(columns) - 1)
        stretch = sum(COLUMN_STRETCH[c is self.acting] for c in columns) or 1
        body = 0
        for column in columns:
            column_width = int(spare * COLUMN_STRETCH[column is self.acting] / stretch)
            shown = [w for w in column.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                     if not w.isHidden()]
            heights = [w.heightForWidth(column_width) if w.hasHeightForWidth() else w.sizeHint().height()
                       for w in shown]
            spacing = self._column_spacing[column is self.acting]
            body = max(body, sum(heights) + spacing * max(0, len(shown) - 1))
        top = max(self.title.sizeHint().height(), self.counter.sizeHint().height())
        bottom = max(self.footer.sizeHint().height(), self.hints.sizeHint().height())
        rows = [h for h in (top, body, bottom) if h]
        return margins.top() + margins.bottom() + sum(rows) + lay.spacing() * (len(rows) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._rearrange.start()  # not within the layout's own pass

    # --- footer and corner -----------------------------------------------------------------------

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
        self.items.hide()  # the editor takes the answer's place beside the prompts
        self._arrange()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.selectAll()

    def close_editor(self) -> None:
        if self.editor.isHidden():
            return
        self.editor.hide()
        self.items.show()
        self._arrange()

    def editing(self) -> bool:
        return self.editor.isVisible()
