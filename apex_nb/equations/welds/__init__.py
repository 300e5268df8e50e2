"""Weld equations (AISC 360 Chapter J); edition in each docstring."""
