#!/usr/bin/env python3
"""Writes drill.json: the evacuation drill of a four-storey teaching building.

Each floor has a 3 m corridor running east-west between six classrooms
(9 x 7.76 m, three on each side, 0.24 m walls, a 1 m door near the front
corner), as in scenarios/demo. Both corridor ends widen into a 3 m stair
landing. From every upper landing a 1.4 m flight leads down to the landing
below (two flights and a half landing: 10 m along the slope for a 3.6 m
storey). On the ground floor each landing opens through a 1.4 m building
exit onto a path (16 m, level) to the schoolyard south of the building, where
the classes assemble on the sports ground.

24 classes of 45 pupils (secondary, 12-18 years) = 1,080 pupils. Each class
follows the posted route of the evacuation map: its classroom door, the
stairs on its side of the building (west rooms and the south middle room
west, the others east), the exit path on that side. After the last step the
shortest way leads to the assembly point. Pre-movement: junior classes
(floors 1-2) mean 46 s, senior classes (floors 3-4) mean 20 s
(VALIDATION.md, children and schools).

Usage: python3 generate.py > drill.json   (the committed drill.json is its output)
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from school_building import Storey, document, write  # noqa: E402

STOREY = 3.6          # [m]
FLIGHT_LENGTH = 10.0  # along the slope, both flights and the half landing [m]
FLIGHT = 1.4          # flight and exit width [m]
FLOORS = 4
WEST, EAST = -3.0, 34.48      # outer edges of the stair landings [m]
CORR_S, CORR_N = 8.0, 11.0    # corridor walls [m]
DOWN = [CORR_S, CORR_S + FLIGHT]           # landing edge where the flight down starts (y)
ARRIVE = [CORR_N - FLIGHT, CORR_N]         # landing edge where the flight from above arrives (y)
SLOT = 38.0           # [s] between the releases of two classes using the same stair
BUILDING = Storey([2.0, 11.24, 20.48], 9.0, WEST, EAST, CORR_S, CORR_N, north=True)


def side_of(room_side, k):
    """The stair a classroom's route takes: west rooms and the south middle one go west."""
    return "west" if k == 0 or (k == 1 and room_side == "S") else "east"


def floor_name(f):
    return f"floor {f + 1}"


def release_in_turns(groups, slot=SLOT, one_stair=False, top_first=False):
    """Releases the classes one after the other on each stair (on a single
    stair when `one_stair`): floor by floor from the ground up (from the top
    down when `top_first`), in the order of their names within a floor."""
    def stair(g):
        return "all" if one_stair else ("west" if any("west" in step for step in g["route"]) else "east")
    turns = {}
    for g in sorted(groups, key=lambda g: (g["level"] if not top_first else -int(g["level"].split()[-1]), g["name"])):
        k = turns.get(stair(g), 0)
        g["release"] = {"at": round(k * slot, 1)}
        turns[stair(g)] = k + 1


def scenario(in_turns=True):
    levels, stairs, groups = [], [], []
    for f in range(FLOORS):
        doors = [{"name": f"door {f + 1}{k + 1}{side}", "segment": door} for side, k, _, door, _ in BUILDING.rooms()]
        levels.append({"name": floor_name(f), "elevation": round(f * STOREY, 3), "outline": BUILDING.outline(),
                       "doors": doors})
    levels.append({"name": "schoolyard", "elevation": 0,
                   "outline": [[-45, -60], [80, -60], [80, -6], [-45, -6]],
                   "assembly_points": [{"name": "sports ground", "area": [[-5, -50], [40, -50], [40, -25], [-5, -25]]}]})
    for f in range(1, FLOORS):
        for side, x in (("west", WEST), ("east", EAST)):
            stairs.append({"name": f"{side} stair {f + 1}-{f}", "length": FLIGHT_LENGTH,
                           "from": {"level": floor_name(f), "segment": [[x, DOWN[0]], [x, DOWN[1]]]},
                           "to": {"level": floor_name(f - 1), "segment": [[x, ARRIVE[0]], [x, ARRIVE[1]]]}})
    stairs.append({"name": "west exit", "length": 16, "building_exit": True,
                   "from": {"level": floor_name(0), "segment": [[WEST, DOWN[0]], [WEST, DOWN[1]]]},
                   "to": {"level": "schoolyard", "segment": [[-10, -6], [-10 + FLIGHT, -6]]}})
    stairs.append({"name": "east exit", "length": 16, "building_exit": True,
                   "from": {"level": floor_name(0), "segment": [[EAST, DOWN[0]], [EAST, DOWN[1]]]},
                   "to": {"level": "schoolyard", "segment": [[40, -6], [40 + FLIGHT, -6]]}})
    for f in range(FLOORS):
        junior = f < 2
        pre = {"distribution": "normal", "mean": 46 if junior else 20, "sd": 12 if junior else 6,
               "min": 10 if junior else 5, "max": 90 if junior else 40}
        for room_side, k, _, _, spawn in BUILDING.rooms():
            suffix, side = f"{k + 1}{room_side}", side_of(room_side, k)
            route = [f"door {f + 1}{suffix}"]
            route += [f"{side} stair {g + 1}-{g}" for g in range(f, 0, -1)]
            route += [f"{side} exit"]
            groups.append({"name": f"class {f + 1}{suffix}", "level": floor_name(f), "profile": "secondary",
                           "count": 45, "spawn": spawn, "pre_movement": pre, "route": route})
    if in_turns:
        release_in_turns(groups)
    return document("drill", "Four-storey teaching building: 24 classes of 45 pupils leaving in turns, two stairs, "
                    "two exits, assembly on the sports ground", levels, stairs, groups)


def variants(s):
    """What-ifs a planner asks of this plan, each as settings over the base
    (docs/scenario-format.md, "variants"): run with `campusflow run --variant`."""
    groups = s["groups"]
    def releases(gs):
        return {f"/groups/{i}/release": g["release"] for i, g in enumerate(gs)}
    at_once = [dict(g, release={"at": 0}) for g in groups]
    top_first = [dict(g) for g in groups]
    release_in_turns(top_first, top_first=True)
    return [
        {"name": "all at once", "description": "Every class leaves at the alarm", "set": releases(at_once)},
        {"name": "top floor first", "description": "In turns as the base, but from the top floor down",
         "set": releases(top_first)},
        {"name": "east stair blocked", "description": "Fire in the east stairwell: every east flight blocked at the alarm",
         "set": {"/events": [{"time": 0, "action": "block", "target": st["name"]}
                             for st in s["stairs"] if st["name"].startswith("east stair")]}},
        {"name": "floor 3 at +60 s", "description": "The classes of floor 3 leave 60 s later than planned",
         "set": {f"/groups/{i}/release": {"at": round(g["release"]["at"] + 60, 1)}
                 for i, g in enumerate(groups) if g["level"] == floor_name(2)}},
    ]


if __name__ == "__main__":
    drill = scenario()
    drill["variants"] = variants(drill)
    write("scenarios/drill/generate.py", drill)
