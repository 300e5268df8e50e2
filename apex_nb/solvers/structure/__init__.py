"""Whole-structure properties of a sign on its post (natural frequency)."""
