"""ACI 318 equations (edition explicit in each docstring): Chapter 17 anchoring to concrete."""
