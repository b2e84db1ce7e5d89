"""Bringing structures in from other formats: each importer turns a file into a checked Document."""
