"""International Building Code equations (2018, 2021, 2024): soils and foundations (Chapter 18)."""
