"""Member solvers: ``member.check`` (AISC 360 checks), ``member.deflection`` (cantilever post
deflection at service wind) and ``post.select`` (lightest passing section)."""
