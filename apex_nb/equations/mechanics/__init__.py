"""Closed-form structural mechanics (beam deflections) used by the solvers."""
