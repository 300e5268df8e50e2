"""Foundation solvers: IBC §1807.3 embedded poles and spread footings (IBC 2018, 2021, 2024)."""
