"""Field types shared by every solver input and batch row: one definition per concept (issue 17).

Each is an ``Annotated`` type carrying its allowed values or range, so a field reads
``wind_speed_mph: WindSpeedMph = Field(description=...)`` and the range is written once. The
field keeps its own description (what the value means in that solver); the type holds what is
allowed. Nothing here imports from the rest of ``apex_nb``: pack schemas may use it too.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

# Editions in force. Clause numbers per edition live in the packs.
AsceEdition = Literal["7-05", "7-10", "7-16", "7-22"]
IbcEdition = Literal["2018", "2021", "2024"]
# AISC 360 editions of the member checks (the ``aisc360`` pack has one entry each).
AiscEdition = Literal["360-16", "360-22"]
# AISC 360 editions whose §J8 concrete bearing a base plate may be checked to (unchanged since 360-05).
AiscBearingEdition = Literal["360-05", "360-10", "360-16", "360-22"]

# ASCE 7 §26.7 exposure categories.
Exposure = Literal["B", "C", "D"]

# Post families a user chooses from. "hss-square" is a choice, not a table: it reads the
# rectangular HSS table (``SectionFamily`` "hss-rect") restricted to equal sides.
PostFamily = Literal["pipe", "hss-round", "hss-square", "hss-rect", "w"]
# The AISC v16 section tables a section is read from (one pack each).
SectionFamily = Literal["pipe", "hss-round", "hss-rect", "w"]

# Basic wind speed V, mph (3-s gust at 33 ft). The mapped speeds of ASCE 7-05 to 7-22 lie roughly
# between 85 and 220 mph; 50 to 300 holds every mapped and site-specific speed and refuses a typo
# (11.5 or 1150). Every engineering solver and batch row used this range already.
WindSpeedMph = Annotated[float, Field(ge=50, le=300)]
# Topographic factor Kzt (§26.8): 1.0 on flat ground; 3 bounds any hill the formula covers.
Kzt = Annotated[float, Field(ge=1.0, le=3.0)]
# Ground elevation above sea level, ft, for Ke (7-16 and 7-22 Table 26.9-1): Death Valley to high passes.
GroundElevationFt = Annotated[float, Field(ge=-300, le=15000)]
# Importance factor I (ASCE 7-05 Table 6-1: 0.77 to 1.15).
ImportanceFactor = Annotated[float, Field(ge=0.77, le=1.15)]
# Directionality factor Kd (Table 26.6-1 lists 0.85 to 0.95; below 0.5 is a typo, not a structure).
Kd = Annotated[float, Field(ge=0.5, le=1.0)]
# IBC Table 1806.2 class of materials, 1 (rock) to 5 (clay).
SoilClass = Annotated[int, Field(ge=1, le=5)]

# Lengths with their ranges.
# A height the ASCE 7 wind solvers evaluate, ft (the printed Kz tables end at 500 ft).
WindHeightFt = Annotated[float, Field(gt=0, le=500)]
# Height of a sign structure or post above its base, ft (what the structure solvers design).
StructureHeightFt = Annotated[float, Field(gt=0, le=200)]
# A sign face or cabinet: width B and height s, ft.
FaceWidthFt = Annotated[float, Field(gt=0, le=100)]
FaceHeightFt = Annotated[float, Field(gt=0, le=50)]
# Dead weight of a face or cabinet, lb.
FaceWeightLb = Annotated[float, Field(ge=0, le=100000)]
# Depth in plan of a monument, ft.
MonumentDepthFt = Annotated[float, Field(gt=0, le=10)]
# Cantilever: post centreline to the far end of the face (arm length), and to its near edge, ft.
ArmLengthFt = Annotated[float, Field(gt=0, le=40)]
FaceOffsetFt = Annotated[float, Field(ge=0, le=20)]
# Centre-to-centre spacing of two posts, ft.
PostSpacingFt = Annotated[float, Field(gt=0, le=100)]
# Minimum embedment or footing depth below grade (frost depth or a local rule), ft.
MinimumDepthFt = Annotated[float, Field(ge=0, le=20)]
# Diameter or side of a drilled or square footing, ft.
FootingWidthFt = Annotated[float, Field(gt=0, le=20)]
