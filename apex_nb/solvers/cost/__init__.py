"""Cost solvers: a bill of quantities (``bom.Bom``) priced with a dated ``prices`` pack."""
