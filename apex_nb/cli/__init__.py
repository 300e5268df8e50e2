"""Command-line interface: ``apex-nb <group> ...``; each group lives in its own module."""
