"""Package discovery only (metadata lives in pyproject.toml).

The ipywidgets layer lives in the top-level ``widgets/`` folder but installs as
``apex_nb.widgets``, so the core package stays free of UI imports while users write
``from apex_nb import widgets``. setuptools cannot combine ``packages.find`` with that mapping
in pyproject.toml, so the packages are discovered here: new sub-packages need no edit.
"""

from setuptools import find_namespace_packages, setup

# Namespace discovery so data-only folders (apex_nb/report/templates) are declared packages too,
# rather than warned about as importable but unlisted.
core = find_namespace_packages(include=["apex_nb", "apex_nb.*"], exclude=["*__pycache__*"])
# Namespace discovery also lists the Voila template folders (data only), so setuptools ships them
# as declared packages instead of warning that they look importable but are not listed.
ui = [
    "apex_nb.widgets",
    *(f"apex_nb.widgets.{name}" for name in find_namespace_packages("widgets", exclude=["*__pycache__*"])),
]

setup(packages=core + ui, package_dir={"apex_nb.widgets": "widgets"})
