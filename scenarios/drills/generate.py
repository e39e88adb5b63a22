#!/usr/bin/env python3
"""Writes the drill procedures on the shipped school (scenarios/drill): the
same building and classes, with the events of each procedure.

- fire-east-stair.json: fire in the east stairwell. Every east flight is
  blocked at the alarm; the classes whose posted route goes east give it up
  and take the nearest way still open, the west stair. The duty teacher
  sends the classes one after the other onto the one stair left (the
  drill's turns, for both sides in one sequence).
- earthquake.json: earthquake drill (地震演练). At the alarm everyone drops,
  covers and holds for HOLD seconds; the evacuation along the posted routes
  starts on the second signal (pre-movement counts from it).
- earthquake.json keeps the drill's turns, counted from the second signal.
- lockdown.json: lockdown drill (封闭/防恐演练). Everyone stays in, or goes to,
  a room, and the doors are shut and locked. Two classes are outside their
  rooms at the alarm: class 13N walks back along the corridor of floor 1 and
  is in front of rooms 12N and 12S, which are full (45 pupils each), so it
  goes on to its own, empty, classroom; class 31S walks back along the
  corridor of floor 3 from the west landing and goes into its own classroom.
  Their teachers take them in at once (pre-movement 2-10 s, an assumption:
  the teacher is with them and acts on the alarm).

- marshal-meter.json and marshal-hold.json keep the drill's turns and add
  staff at their posts (docs/models/staff.md).
- marshal-meter.json: a marshal stands at the head of each down flight of
  floors 2-4 and lets at most METER_RATE pupils a second onto it, until the
  floor is clear: a class walking in a bunch arrives faster than that, and
  the marshal spreads it out on the flight.
- marshal-hold.json: two marshals hold floor 4 at its stair heads until
  floor 3 has cleared, then let it go.
- floor-check.json: a teacher on each floor waits by the corridor wall until
  the floor's classes have left, looks into every classroom (comes to its
  door) and reports the floor clear (楼层清查), then evacuates: when the
  principal can know the building is empty.

Usage: python3 generate.py NAME > NAME.json   (the committed files are its output)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "drill"))
from school_building import write  # noqa: E402
from generate import release_in_turns, scenario as school  # noqa: E402  (scenarios/drill/generate.py)


def fire_east_stair():
    s = school()
    s["name"] = "fire-east-stair"
    s["description"] = ("Fire in the east stairwell of the four-storey school: every east flight is blocked at the "
                        "alarm, the classes posted east re-route to the west stair")
    s["events"] = [{"time": 0, "action": "block", "target": st["name"]}
                   for st in s["stairs"] if st["name"].startswith("east stair")]
    release_in_turns(s["groups"], one_stair=True)
    # One stair for 810 pupils from three floors, one class at a time: about
    # 1000 s, more than the plain drill's 900 s limit.
    s["settings"]["time_limit"] = 1800
    return s


HOLD = 60  # [s] drop, cover and hold; the drill guides give no fixed time, a minute is typical


def earthquake():
    s = school()
    s["name"] = "earthquake"
    s["description"] = (f"Earthquake drill in the four-storey school: everyone drops, covers and holds for {HOLD} s "
                        "at the alarm, then evacuates along the posted routes on the second signal")
    s["procedure"] = {"type": "earthquake", "hold": HOLD}
    return s


# Corridor spawn areas of the classes outside their rooms at a lockdown (the
# corridor runs at y 8-11; classroom walls are 0.24 m thick).
OUTSIDE = {"class 13N": [[11.6, 8.2], [17.0, 8.2], [17.0, 10.8], [11.6, 10.8]],
           "class 31S": [[-2.7, 8.2], [9.0, 8.2], [9.0, 9.4], [-2.7, 9.4]]}


def lockdown():
    s = school(in_turns=False)
    s["name"] = "lockdown"
    s["description"] = ("Lockdown drill in the four-storey school: every class shelters in a classroom with the door "
                        "shut; two classes are in the corridor at the alarm and go into the nearest room with space "
                        "for them")
    s["procedure"] = {"type": "lockdown", "lock": 5}
    for g in s["groups"]:
        if g["name"] in OUTSIDE:
            g["spawn"] = OUTSIDE[g["name"]]
            g["pre_movement"] = {"distribution": "uniform", "min": 2, "max": 10}
    return s


# Staff posted at the stair heads (docs/models/staff.md). A post stands by the
# north wall of the corridor (y 8-11), 2 m short of the flight's head (the
# stair end at x -3 or 34.48, y 8-9.4): out of the stream from the classrooms,
# which hugs the south wall to the head, and of those stepping off the flight
# from above (y 9.6-11), who turn at the wall's end. Staff start 2 m further
# along the corridor (the teacher on duty on the floor).
WEST_POST, EAST_POST = [-1.0, 10.7], [32.48, 10.7]
WEST_START, EAST_START = [1.0, 9.5], [30.48, 9.5]
METER_RATE = 1.2  # [P/s] about 0.86 P/(m s) on the 1.4 m flight, below its design flow 1.33 P/(m s)


def marshal(floor, side, duty, until, rate=None):
    s = {"name": f"{side} marshal, floor {floor}", "level": f"floor {floor}",
         "position": WEST_START if side == "west" else EAST_START,
         "post": WEST_POST if side == "west" else EAST_POST,
         "duty": duty, "place": f"{side} stair {floor}-{floor - 1}", "until": until}
    if rate is not None:
        s["rate"] = rate
    return s


def marshal_meter():
    s = school()
    s["name"] = "marshal-meter"
    s["description"] = (f"The shipped drill with a marshal at the head of each down flight of floors 2-4, letting at "
                        f"most {METER_RATE} pupils a second onto it until the floor is clear; then the marshal "
                        "evacuates")
    s["staff"] = [marshal(f, side, "meter", {"clear": f"floor {f}"}, METER_RATE)
                  for f in (2, 3, 4) for side in ("west", "east")]
    return s


def marshal_hold():
    s = school()
    s["name"] = "marshal-hold"
    s["description"] = ("The shipped drill with floor 4 held at both stair heads until floor 3 has cleared, so that "
                        "the classes of floor 3 go down first; then the marshals let floor 4 go and evacuate")
    s["staff"] = [marshal(4, side, "hold", {"clear": "floor 3"}) for side in ("west", "east")]
    return s


# The sweeper's post: by the north corridor wall half way along (the corridor
# runs x -3 to 34.48), where the teacher on duty stands while the classes
# pass; a posted teacher is nobody's neighbour (docs/models/staff.md).
SWEEP_POST = [15.74, 10.7]


def floor_check():
    s = school()
    s["name"] = "floor-check"
    s["description"] = ("The shipped drill with a teacher on each floor who, once the floor's classes have left, "
                        "looks into every classroom and reports the floor clear (楼层清查); then the teacher "
                        "evacuates")
    s["staff"] = [{"name": f"floor {f} teacher", "level": f"floor {f}", "position": SWEEP_POST, "post": SWEEP_POST,
                   "duty": "sweep"} for f in (1, 2, 3, 4)]
    return s


VARIANTS = {"fire-east-stair": fire_east_stair, "earthquake": earthquake, "lockdown": lockdown,
            "marshal-meter": marshal_meter, "marshal-hold": marshal_hold, "floor-check": floor_check}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in VARIANTS:
        sys.exit(f"usage: generate.py {{{','.join(VARIANTS)}}} > NAME.json")
    write("scenarios/drills/generate.py " + sys.argv[1], VARIANTS[sys.argv[1]]())
