"""Package discovery only (metadata lives in pyproject.toml).

The ipywidgets layer lives in the top-level ``widgets/`` folder but installs as
``apex_nb.widgets``, so the core package stays free of UI imports while users write
``from apex_nb import widgets``. setuptools cannot combine ``packages.find`` with that mapping
in pyproject.toml, so the packages are discovered here: new sub-packages need no edit.
"""

from setuptools import find_packages, setup

core = find_packages(include=["apex_nb", "apex_nb.*"])
ui = ["apex_nb.widgets", *(f"apex_nb.widgets.{name}" for name in find_packages("widgets"))]

setup(packages=core + ui, package_dir={"apex_nb.widgets": "widgets"})
