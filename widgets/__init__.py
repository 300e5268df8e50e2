"""The ipywidgets layer of apex-nb (installed as ``apex_nb.widgets``; the core never imports it).

- ``forms``: input forms generated from any solver input model, errors shown beside fields.
- ``viewer``: envelope viewer (checks as ratio bars, assumptions, confidence, trace as math).
- ``drawings``: matplotlib sign elevation, load diagram and Case A/B/C pressure regions.
- ``project_panel``: project picker and saver on ``apex_nb.project.ProjectStore``.
- ``app``: the quick-quote app composition used by ``notebooks/quick_quote.ipynb``.
"""

from __future__ import annotations
