"""ASCE/SEI 7 equations (editions 7-05, 7-10, 7-16, 7-22); clause numbers per edition in the packs."""
