"""Code equations as small pure functions, one module per standard and topic.

Folders name the standard (``asce7``, ``aisc360``, ``ibc``, ``aci318``, ``en1991``); each
function's docstring names its clause and the editions it applies to.
"""
