"""Calc reports: an envelope or a project design as HTML (no code) and PDF through headless Chromium."""
