"""EN 1991 (Eurocode 1) equations; clause numbers in each docstring, recommended values in the packs."""
