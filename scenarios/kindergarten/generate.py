#!/usr/bin/env python3
"""Writes kindergarten.json: the evacuation drill of a two-storey kindergarten.

Each floor has three classrooms (9 x 7.76 m, 0.24 m walls, a 1 m door near
the front corner) on the south side of a 3 m corridor. Both corridor ends
widen into a 3 m stair landing; a 1.4 m flight (two flights and a half
landing, 9 m along the slope for a 3.3 m storey) joins the landings. On the
ground floor each landing opens through a 1.4 m exit onto a 12 m path to the
playground, where the classes assemble.

Six classes of 30 children, each led by its teacher (the class does not
overtake the teacher, who waits while the last child is more than 6 m behind).
The youngest (3-4 years, "junior" classes) are on the ground floor, the older
(5-6 years) upstairs. Pre-movement (VALIDATION.md, children and schools):
nursery 3-59 s, junior classes mean 46 s, senior classes mean 20 s. Whole
nursery evacuations take 81-186 s in drills.

With the argument "earthquake" it writes kindergarten-earthquake.json: the
same drill as an earthquake drill (地震演练): the children drop, cover and hold
under their tables for HOLD seconds at the alarm, and the evacuation starts
on the second signal.

Usage: python3 generate.py > kindergarten.json
       python3 generate.py earthquake > kindergarten-earthquake.json
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from school_building import Storey, document, write  # noqa: E402

STOREY = 3.3
FLIGHT_LENGTH = 9.0
FLIGHT = 1.4
WEST, EAST = -3.0, 32.48
CORR_S, CORR_N = 8.0, 11.0
DOWN = [CORR_S, CORR_S + FLIGHT]
ARRIVE = [CORR_N - FLIGHT, CORR_N]
BUILDING = Storey([2.0, 11.24, 20.48], 9.0, WEST, EAST, CORR_S, CORR_N, north=False)


def scenario():
    floors = ["ground floor", "first floor"]
    levels, stairs, groups = [], [], []
    for f, name in enumerate(floors):
        doors = [{"name": f"door {f + 1}.{k + 1}", "segment": door} for _, k, _, door, _ in BUILDING.rooms()]
        levels.append({"name": name, "elevation": round(f * STOREY, 3), "outline": BUILDING.outline(), "doors": doors})
    levels.append({"name": "playground", "elevation": 0, "outline": [[-30, -50], [60, -50], [60, -6], [-30, -6]],
                   "assembly_points": [{"name": "playground", "area": [[0, -40], [30, -40], [30, -20], [0, -20]]}]})
    for side, x in (("west", WEST), ("east", EAST)):
        stairs.append({"name": f"{side} stair", "length": FLIGHT_LENGTH,
                       "from": {"level": floors[1], "segment": [[x, DOWN[0]], [x, DOWN[1]]]},
                       "to": {"level": floors[0], "segment": [[x, ARRIVE[0]], [x, ARRIVE[1]]]}})
    stairs.append({"name": "west exit", "length": 12, "building_exit": True,
                   "from": {"level": floors[0], "segment": [[WEST, DOWN[0]], [WEST, DOWN[1]]]},
                   "to": {"level": "playground", "segment": [[-8, -6], [-8 + FLIGHT, -6]]}})
    stairs.append({"name": "east exit", "length": 12, "building_exit": True,
                   "from": {"level": floors[0], "segment": [[EAST, DOWN[0]], [EAST, DOWN[1]]]},
                   "to": {"level": "playground", "segment": [[38, -6], [38 + FLIGHT, -6]]}})
    for f, name in enumerate(floors):
        junior = f == 0
        pre = {"distribution": "normal", "mean": 46 if junior else 20, "sd": 10 if junior else 8, "min": 3, "max": 59}
        for _, k, x, _, spawn in BUILDING.rooms():
            side = "west" if k == 0 else "east"
            spawn[2][1] = spawn[3][1] = 6.5  # the children sit behind their teacher's place
            route = [f"door {f + 1}.{k + 1}"] + ([f"{side} stair"] if f == 1 else []) + [f"{side} exit"]
            groups.append({
                "name": f"class {f + 1}.{k + 1}", "level": name, "profile": "kindergarten", "count": 30,
                "spawn": spawn,
                "teacher": {"position": [x + 1.5, 7.2]}, "spread": 6,
                "pre_movement": pre, "route": route})
    return document("kindergarten", "Two-storey kindergarten: six classes of 30 children aged 3-6, each led by "
                    "its teacher", levels, stairs, groups)


HOLD = 60  # [s] drop, cover and hold


def earthquake():
    s = scenario()
    s["name"] = "kindergarten-earthquake"
    s["description"] = (f"Earthquake drill in the two-storey kindergarten: the children drop, cover and hold for "
                        f"{HOLD} s at the alarm, then evacuate behind their teachers on the second signal")
    s["procedure"] = {"type": "earthquake", "hold": HOLD}
    return s


if __name__ == "__main__":
    if sys.argv[1:] == ["earthquake"]:
        write("scenarios/kindergarten/generate.py earthquake", earthquake())
    elif len(sys.argv) == 1:
        write("scenarios/kindergarten/generate.py", scenario())
    else:
        sys.exit("usage: generate.py [earthquake] > NAME.json")
