"""Connection solvers: base plates (AISC DG1), anchor rods (ACI 318-19 Ch. 17), post-to-plate welds."""
