"""Presentation mode for workshops: the step walk-through over the canvas (F5)."""
