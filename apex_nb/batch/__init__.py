"""Portfolio batch runs: one design per spreadsheet row, in parallel, resumable and cached.

- ``rows``: read a CSV/XLSX portfolio, validate every row (``SiteRow``), map a row to a solve.
- ``keys``: the run key (row inputs, notebook bytes, packs read, apex_nb version) and the lock state.
- ``records``: the run record ``run.json`` and whether a finished run is still fresh.
- ``engines``: the per-site functions (in-process, papermill); ``run_task`` never raises.
- ``pools``: where tasks run, one interface: serial, a bounded process pool, or Dask.
- ``plan``: the batch's options, one task per valid site and why it runs, the result.
- ``runner``: runs the plan through a pool, records each outcome, progress, Ctrl-C.
- ``summary``: ``summary.csv``/``.xlsx`` and the HTML roll-up.
- ``reprice``: new prices on finished envelopes, without re-running the engineering.

The command line is ``apex-nb batch`` and ``apex-nb reprice`` (``apex_nb/cli/batch_cmd.py``).
"""
