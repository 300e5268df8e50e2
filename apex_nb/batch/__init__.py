"""Portfolio batch runs: one design per spreadsheet row, in parallel, resumable and cached.

- ``rows``: read a CSV/XLSX portfolio, validate every row (``SiteRow``), map a row to a solve.
- ``keys``: the run key (row inputs, notebook bytes, packs read, apex_nb version) and freshness.
- ``engines``: the per-site functions (in-process, papermill) and the Dask submission.
- ``runner``: the bounded process pool, progress, Ctrl-C, atomic writes under ``DIR/runs/``.
- ``summary``: ``summary.csv``/``.xlsx`` and the HTML roll-up.
- ``reprice``: new prices on finished envelopes, without re-running the engineering.

The command line is ``apex-nb batch`` and ``apex-nb reprice`` (``apex_nb/cli/batch_cmd.py``).
"""
