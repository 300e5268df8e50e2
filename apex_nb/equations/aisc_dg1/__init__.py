"""AISC Design Guide 1 (base plates) equations; edition and equation numbers in each docstring."""
