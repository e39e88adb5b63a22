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
import json

STOREY = 3.6          # [m]
FLIGHT_LENGTH = 10.0  # along the slope, both flights and the half landing [m]
FLIGHT = 1.4          # flight and exit width [m]
FLOORS = 4
ROOM_X = [2.0, 11.24, 20.48]  # west wall of each classroom's walkable part [m]
ROOM_W = 9.0
WEST, EAST = -3.0, 34.48      # outer edges of the stair landings [m]
CORR_S, CORR_N = 8.0, 11.0    # corridor walls [m]
DOWN = [CORR_S, CORR_S + FLIGHT]           # landing edge where the flight down starts (y)
ARRIVE = [CORR_N - FLIGHT, CORR_N]         # landing edge where the flight from above arrives (y)


def floor_outline():
    """Corridor, landings and six classrooms, counter-clockwise."""
    ring = [[WEST, CORR_S]]
    for x in ROOM_X:  # south side, west to east, rooms below the corridor
        d0, d1 = x + 1.0, x + 2.0
        ring += [[d0, CORR_S], [d0, 7.76], [x, 7.76], [x, 0], [x + ROOM_W, 0], [x + ROOM_W, 7.76],
                 [d1, 7.76], [d1, CORR_S]]
    ring += [[EAST, CORR_S], [EAST, CORR_N]]
    for x in reversed(ROOM_X):  # north side, east to west, rooms above the corridor
        d0, d1 = x + 1.0, x + 2.0
        ring += [[d1, CORR_N], [d1, 11.24], [x + ROOM_W, 11.24], [x + ROOM_W, 19], [x, 19], [x, 11.24],
                 [d0, 11.24], [d0, CORR_N]]
    ring += [[WEST, CORR_N]]
    return ring


def rooms():
    """(name suffix, door segment, spawn ring, side) for the six classrooms of a floor."""
    out = []
    for k, x in enumerate(ROOM_X):
        side = "west" if k == 0 or k == 1 else "east"
        out.append((f"{k + 1}S", [[x + 1.0, 7.88], [x + 2.0, 7.88]],
                    [[x + 0.3, 0.3], [x + ROOM_W - 0.3, 0.3], [x + ROOM_W - 0.3, 7.46], [x + 0.3, 7.46]], side))
    for k, x in enumerate(ROOM_X):
        side = "west" if k == 0 else "east"
        out.append((f"{k + 1}N", [[x + 1.0, 11.12], [x + 2.0, 11.12]],
                    [[x + 0.3, 11.54], [x + ROOM_W - 0.3, 11.54], [x + ROOM_W - 0.3, 18.7], [x + 0.3, 18.7]],
                    side))
    return out


def floor_name(f):
    return f"floor {f + 1}"


def scenario():
    levels, stairs, groups = [], [], []
    for f in range(FLOORS):
        doors = [{"name": f"door {f + 1}{r[0]}", "segment": r[1]} for r in rooms()]
        levels.append({"name": floor_name(f), "elevation": round(f * STOREY, 3), "outline": floor_outline(),
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
        for suffix, door, spawn, side in rooms():
            route = [f"door {f + 1}{suffix}"]
            route += [f"{side} stair {g + 1}-{g}" for g in range(f, 0, -1)]
            route += [f"{side} exit"]
            groups.append({"name": f"class {f + 1}{suffix}", "level": floor_name(f), "profile": "secondary",
                           "count": 45, "spawn": spawn, "pre_movement": pre, "route": route})
    return {
        "format": "campusflow-scenario/1",
        "name": "drill",
        "description": "Four-storey teaching building: 24 classes of 45 pupils, two stairs, two exits, "
                       "assembly on the sports ground",
        "settings": {"dt": 0.05, "time_limit": 900, "seed": 1, "output_fps": 10, "field_cell": 0.125},
        "model": {"type": "collision_free_speed"},
        "levels": levels,
        "stairs": stairs,
        "groups": groups,
    }


if __name__ == "__main__":
    print("// Generated by scenarios/drill/generate.py; edit that, not this file.")
    print(json.dumps(scenario(), indent=1))
