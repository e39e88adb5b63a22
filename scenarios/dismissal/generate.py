#!/usr/bin/env python3
"""Writes dismissal.json: dismissal (放学) at a primary school with two
teaching buildings, a schoolyard, one gate and the school street before it,
in one world frame (x east, y north, metres).

Campus. Two teaching buildings, A (west) and B (east), stand side by side on
the north edge of the schoolyard. Each has three storeys (3.6 m) of four
classrooms (9 x 7.76 m, 0.24 m walls, a 1 m door near the front corner,
scenarios/school_building.py) on the north side of a 3 m corridor; both
corridor ends widen into a stair landing, and a 1.4 m flight (10 m along the
slope) joins the landings of neighbouring storeys. The corridor's south wall
(0.24 m) faces the yard; on the ground storey it has a 3 m opening at each
landing, a door marked as the building exit. The ground storeys of both
buildings and the yard (104 x 40 m) are one level, "ground". The yard's one
way out is the exit "gate", 6 m wide, in the middle of its south boundary.

Classes. 24 classes of 30 pupils (primary), grades 1-6, four classes a grade:
grades 1 and 2 on the ground storeys of A and B, grades 3 and 4 upstairs,
grades 5 and 6 on the top storeys. Each class follows its posted route: its
classroom door, the stairs at the nearer corridor end, that end's door to the
yard; then the nearest safety, which is the gate (the yard's only exit; named
as a route step it would draw `check`'s "has no alternative" warning).
Pre-movement (packing up after the bell): normal, mean 30 s. The base releases every class at the bell (t = 0, "all at once"); the
variant "three waves" releases them by grade in three waves of 8 classes
(grades 1-2 at 0 s, 3-4 at 300 s, 5-6 at 600 s); on the street the same
cars come.

Street. An east-west school street (one 3.2 m lane each way, 30 km/h, 2.5 m
sidewalks) runs south of the yard; its gate junction lies south of the gate,
whose footpath (5 m from the sidewalk's outer edge) ends at the gate exit's
midpoint. A zebra with a crossing guard crosses the street at the gate, west
of the junction. No car may stop within 50 m of the gate. Parents coming
from the east use an 8-stall lay-by on the north side (ending 64 m before the
gate junction); parents coming from the west use a 20-stall car park on the
south side 110 m west of the gate, and their children cross at the guard.
A school bus stop (one 15 m stall) lies in the no-car zone on the gate side.
Demand from the bell on: pick-up cars over 15 minutes, 240 veh/h each way
(Poisson: 120 expected, 103 drawn for seed 1), one child each; 150 through
cars/h each way; one school bus, at the stop from the bell, picking up 30
pupils.

One world. The street's gate is the building's exit "gate" (`"exit": "gate"`):
every pupil is one agent from the classroom to the car seat, the bus or
home. The pupils the cars and the bus fetch are drawn on the run's seed; each
waits at the gate until its car stands in its stall and then walks to it
(docs/models/journeys.md); the others go home on foot from the gate. The
variant "call line" is the smart pick-up (智慧接送): a fetched pupil stays in
its classroom until its parent's car is within CALL_DISTANCE m of its stop,
then packs up and walks out.

Usage: python3 generate.py > dismissal.json   (the committed dismissal.json is its output)
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from school_building import Storey, document, write  # noqa: E402

STOREY = 3.6          # [m]
FLIGHT_LENGTH = 10.0  # along the slope, both flights and the half landing [m]
FLIGHT = 1.4          # flight width [m]
OPENING = 3.0         # ground-storey door from a landing to the yard [m]
WALL = 0.24           # the corridor's wall towards the yard [m]
FLOORS = 3
ROOMS = [2.0, 11.24, 20.48, 29.72]      # classroom x in the storey's own frame [m]
WEST, EAST = -3.0, 43.72                # outer edges of the stair landings (storey frame) [m]
CORR_S, CORR_N = 8.0, 11.0              # corridor walls (storey frame) [m]
DOWN = [CORR_S, CORR_S + FLIGHT]        # landing edge where the flight down starts (y, storey frame)
ARRIVE = [CORR_N - FLIGHT, CORR_N]      # landing edge where the flight from above arrives (y, storey frame)
STOREY_PLAN = Storey(ROOMS, 9.0, WEST, EAST, CORR_S, CORR_N, north=False)
CLASS_SIZE = 30

# World frame. Each building is its storey plan turned by 180 degrees: the
# classrooms north of the corridor, the corridor's open wall towards the yard.
# World (x, y) = (X0 - x, Y0 - y); the corridor's yard-side face lies at y = WALL.
Y0 = CORR_N + WALL
BUILDINGS = {"A": -6.0, "B": 46.72}     # X0: A's east landing edge at x = -3, B's west one at x = 3
YARD_W, YARD_E, YARD_S, YARD_N = -52.0, 52.0, -40.0, 0.0
GATE_X, GATE_WIDTH = 0.0, 6.0

# Street: the footpath of the gate leaves its junction at the outer edge of
# the widest sidewalk there (lane width + sidewalk) and runs PATH m towards
# the gate, so the junction lies that far south of the gate exit.
LANE, SIDEWALK, PATH = 3.2, 2.5, 5.0
ROAD_Y = YARD_S - (LANE + SIDEWALK + PATH)
ROAD_HALF = 300.0       # junctions west and east of the gate [m]
SPEED = 8.33            # 30 km/h [m/s]
WAVES = [0, 300, 600]   # [s] grades 1-2, 3-4, 5-6 in the variant "three waves"
WAVE_LEN = 300          # [s] each wave's parents arrive over this long after its bell (from WAVES[k])
PICKUP_RATE = 240       # [veh/h] each way
THROUGH_RATE = 150      # [veh/h] each way
PICKUP_END = WAVES[-1] + WAVE_LEN  # [s] the last parents and through cars arrive by then
# [m] the call line: a car this far from its stop calls its pupil (about a minute's drive in the
# queue, what a pupil needs to pack up and walk out).
CALL_DISTANCE = 100.0


def world(building, p):
    return [round(BUILDINGS[building] - p[0], 3), round(Y0 - p[1], 3)]


def ring(building, points):
    return [world(building, p) for p in points]


def east_end(b):
    """World x of the landing edge at the building's east end (storey WEST)."""
    return world(b, [WEST, 0])[0]


def west_end(b):
    return world(b, [EAST, 0])[0]


def side_of(k):
    """The stair a classroom's route takes: rooms 1-2 (storey west, world east) go east."""
    return "east" if k < 2 else "west"


def level_name(b, f):
    return "ground" if f == 0 else f"{b} floor {f + 1}"


def grade_of(b, f):
    return 2 * f + (1 if b == "A" else 2)


def ground_level():
    """The yard and both ground storeys as one outline (counter-clockwise), the
    corridor walls towards the yard as obstacles, a door at each landing."""
    outline = [[YARD_W, YARD_S], [YARD_E, YARD_S], [YARD_E, YARD_N]]
    obstacles, doors = [], []
    for b in ("B", "A"):  # along the yard's north edge from east to west
        turned = ring(b, STOREY_PLAN.outline())
        # The storey's ring runs ... (east, s), (east, n), (west, n), (west, s) ...: turned, the
        # corridor's yard wall is the edge (east, n) -> (west, n); leave it out and join the yard.
        k = turned.index(world(b, [WEST, CORR_S]))
        rest = turned[k:] + turned[:k]            # from (west, s) round to (east, s)
        assert rest[-2:] == [world(b, [EAST, CORR_N]), world(b, [WEST, CORR_N])]
        rest = rest[:-2]
        outline += [[east_end(b), YARD_N]] + rest + [[west_end(b), YARD_N]]
        e, w = east_end(b), west_end(b)
        obstacles.append([[w + OPENING, YARD_N], [e - OPENING, YARD_N], [e - OPENING, YARD_N + WALL],
                          [w + OPENING, YARD_N + WALL]])
        doors.append({"name": f"{b} east door", "segment": [[e, WALL / 2], [e - OPENING, WALL / 2]],
                      "building_exit": True})
        doors.append({"name": f"{b} west door", "segment": [[w, WALL / 2], [w + OPENING, WALL / 2]],
                      "building_exit": True})
    outline.append([YARD_W, YARD_N])
    for b in ("A", "B"):
        for _, k, _, door, _ in STOREY_PLAN.rooms():
            doors.append({"name": f"door {grade_of(b, 0)}-{k + 1}", "segment": ring(b, door)})
    return {"name": "ground", "elevation": 0, "outline": outline, "obstacles": obstacles, "doors": doors,
            "exits": [{"name": "gate", "center": [GATE_X, YARD_S], "width": GATE_WIDTH}]}


def upper_level(b, f):
    doors = [{"name": f"door {grade_of(b, f)}-{k + 1}", "segment": ring(b, door)}
             for _, k, _, door, _ in STOREY_PLAN.rooms()]
    return {"name": level_name(b, f), "elevation": round(f * STOREY, 3), "outline": ring(b, STOREY_PLAN.outline()),
            "doors": doors}


def stairs():
    out = []
    for b in ("A", "B"):
        for f in range(1, FLOORS):
            for side, x in (("east", WEST), ("west", EAST)):
                out.append({"name": f"{b} {side} stair {f + 1}-{f}", "length": FLIGHT_LENGTH,
                            "from": {"level": level_name(b, f), "segment": ring(b, [[x, DOWN[0]], [x, DOWN[1]]])},
                            "to": {"level": level_name(b, f - 1),
                                   "segment": ring(b, [[x, ARRIVE[0]], [x, ARRIVE[1]]])}})
    return out


def groups():
    pre = {"distribution": "normal", "mean": 30, "sd": 10, "min": 10, "max": 60}
    out = []
    for f in range(FLOORS):          # grades 1-2, 3-4, 5-6: the waves of the variant
        for b in ("A", "B"):
            grade = grade_of(b, f)
            for _, k, _, _, spawn in STOREY_PLAN.rooms():
                side = side_of(k)
                route = [f"door {grade}-{k + 1}"]
                route += [f"{b} {side} stair {g + 1}-{g}" for g in range(f, 0, -1)]
                # The gate is the only safety: after the last step the class heads for it. Listing it
                # as a step would make `check` warn that it has no alternative (there is one gate).
                route += [f"{b} {side} door"]
                out.append({"name": f"class {grade}-{k + 1}", "level": level_name(b, f), "profile": "primary",
                            "count": CLASS_SIZE, "spawn": ring(b, spawn), "pre_movement": pre, "route": route,
                            "release": {"at": 0}})
    return out


def pick_up_flows():
    """Parents picking up one child each, both ways, in three spans of
    WAVE_LEN s from the bell. Every variant draws the same cars (a flow's
    draws follow its index, rate and span): only when the children come out
    differs."""
    return [{"route": route, "type": "car", "rate": PICKUP_RATE, "from": t, "to": t + WAVE_LEN,
             "pick_up": True, "children": 1,
             "dwell": {"distribution": "uniform", "min": 20, "max": 40}}
            for route in ("westbound", "eastbound") for t in WAVES]


def street_demand():
    """Cars and the bus; their children are pupils of the building."""
    return {
        # The bus waits at its stop until its 30 pupils are aboard.
        "vehicles": [{"id": "school bus", "type": "bus", "time": 0, "route": "westbound", "pick_up": True,
                      "children": 30, "dwell": 60, "zone": "bus stop"}],
        "flows": pick_up_flows() + [
            {"route": "westbound", "type": "car", "rate": THROUGH_RATE, "from": 0, "to": PICKUP_END},
            {"route": "eastbound", "type": "car", "rate": THROUGH_RATE, "from": 0, "to": PICKUP_END},
        ],
    }


def street():
    lanes = 1
    link = {"speed_limit": SPEED, "lanes": [{"width": LANE}] * lanes, "sidewalk": SIDEWALK}
    return {
        "vehicle_dt": 0.25,
        "child_speed": {"distribution": "uniform", "min": 1.0, "max": 1.4},
        "nodes": [{"name": "west end", "position": [-ROAD_HALF, ROAD_Y]},
                  {"name": "gate junction", "position": [GATE_X, ROAD_Y]},
                  {"name": "east end", "position": [ROAD_HALF, ROAD_Y]}],
        # Eastbound links have their sidewalk on the south side, westbound ones on the gate's (north) side.
        "links": [dict(name="wg", **{"from": "west end", "to": "gate junction"}, **link),
                  dict(name="ge", **{"from": "gate junction", "to": "east end"}, **link),
                  dict(name="eg", **{"from": "east end", "to": "gate junction"}, **link),
                  dict(name="gw", **{"from": "gate junction", "to": "west end"}, **link)],
        "crossings": [{"name": "gate zebra", "node": "gate junction", "links": ["wg", "gw"], "width": 4,
                       "priority": True}],
        "guards": [{"name": "crossing guard", "crossing": "gate zebra", "min_waiting": 5, "max_wait": 20, "hold": 15,
                    "min_green": 30}],
        "gates": [{"name": "gate", "node": "gate junction", "position": [GATE_X, YARD_S], "path_length": PATH,
                   "exit": "gate"}],
        "curb_zones": [
            # North side, east of the gate, on the parents' way in from the east: ends 64 m before the junction.
            {"name": "lay-by", "kind": "lay_by", "link": "eg", "start": 180, "end": 236, "stalls": 8,
             "stall_length": 7, "discipline": "first_free"},
            # South side, west of the gate: one driveway, 10 m from the stall to the sidewalk.
            {"name": "car park", "kind": "lot", "link": "wg", "start": 190, "end": 196, "stalls": 20,
             "entry_time": 5, "exit_time": 5, "walk_access": 10},
            # The school bus's stop on the gate side, inside the no-car zone (parents' cars keep out).
            {"name": "bus stop", "kind": "lay_by", "link": "eg", "start": 268, "end": 283, "stalls": 1,
             "stall_length": 15},
        ],
        "no_car_zone": {"gate": "gate", "radius": 50, "compliance": 1.0},
        # Queues are measured back from the parents' zones to the ends of the street (the bus stop's own
        # approach, the default, would count the lay-by's queue behind it too).
        "approaches": [{"name": "from the east", "link": "eg", "position": 180, "spill_node": "east end"},
                       {"name": "from the west", "link": "wg", "position": 190, "spill_node": "west end"}],
        "routes": [{"name": "westbound", "links": ["eg", "gw"]},
                   {"name": "eastbound", "links": ["wg", "ge"]}],
        "demand": street_demand(),
    }


def scenario():
    levels = [ground_level()] + [upper_level(b, f) for f in range(1, FLOORS) for b in ("A", "B")]
    s = document("dismissal", "Dismissal at a primary school: 24 classes of 30 pupils in two three-storey "
                 "buildings leave through the schoolyard and its one gate onto the school street, where "
                 "parents pick up by car and a school bus waits", levels, stairs(), groups(), time_limit=3600)
    s["street"] = street()
    return s


def variants(s):
    """What-ifs over the base (docs/scenario-format.md, "Variants")."""
    per_wave = len(s["groups"]) // len(WAVES)
    waves = {f"/groups/{i}/release": {"at": WAVES[i // per_wave]} for i in range(len(s["groups"]))}
    call_line = {"/street/gates/0/call_line": {"distance": CALL_DISTANCE}}
    return [{"name": "three waves",
             "description": "Classes leave by grade in three waves of 8 classes (grades 1-2 at the bell, 3-4 at "
                            "300 s, 5-6 at 600 s); the same parents' cars and bus",
             "set": waves},
            {"name": "call line",
             "description": f"The smart pick-up: a pupil fetched by car or bus stays in class until its car is "
                            f"{CALL_DISTANCE:.0f} m from its stop, then packs up and walks out; the others leave "
                            f"at the bell",
             "set": call_line}]


if __name__ == "__main__":
    dismissal = scenario()
    dismissal["variants"] = variants(dismissal)
    write("scenarios/dismissal/generate.py", dismissal)
