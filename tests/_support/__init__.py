"""Helpers shared by test folders (importable because ``tests/`` is on ``sys.path`` under pytest)."""
