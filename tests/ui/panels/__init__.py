"""Panel tests."""
