"""Wind solvers: ASCE 7 Chapter 29 signs and posts, EN 1991-1-4 signboards."""
