#!/usr/bin/env python3
"""Writes arrival.json: the morning (早上入校) at the school of
scenarios/dismissal, with the gate's entry check (晨检).

The street is the dismissal's (scenarios/dismissal/generate.py: one lane each
way, 30 km/h, a guarded zebra at the gate, an 8-stall lay-by east of the gate
on the north side, a 20-stall car park 110 m west on the south side, a bus
stop in the 50 m no-car zone). The clock starts 30 minutes before the bell.

Demand. 600 primary pupils: a third (200) brought by car, one or two a car
(1.3 on average), over the 30 minutes, most in the last 15 (the profile of
docs/scenario-format.md's `drop_off_profile`), dwell uniform 20-40 s, a quarter
of the parents walking their children to the gate and back; a school bus
bringing 40 at 10 minutes before the bell; 300 walk-ins an hour on both
sidewalks east and west of the gate; 150 through cars an hour each way.

Entry check. Every pupil reaching the gate joins one line for the staff
checking (temperature, a look at hands and mouth: the 晨检 of the Ministry's
school health rules); a check takes an exponential 6 s on average (a gamma of
shape 1); 4 staff check from the first arrival until 10 minutes after the
bell. The variant "two checking" halves the staff: the line and the wait
grow (Erlang C).

The morning runs the street only: pupils who pass the check enter no building
(docs/models/journeys.md, "Not yet").

Usage: python3 generate.py > arrival.json   (the committed arrival.json is its output)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "dismissal"))
import generate as dismissal  # noqa: E402  (scenarios/dismissal/generate.py)
from school_building import write  # noqa: E402

BELL = 1800.0          # [s] the clock starts half an hour before the bell
PUPILS_BY_CAR = 200
SERVERS = 4
CHECK_MEAN = 6.0       # [s]
WALK_IN_RATE = 300     # [pupils/h] on each side of the gate


def demand():
    return {
        "vehicles": [{"id": "school bus", "type": "bus", "time": BELL - 600, "route": "westbound", "drop_off": True,
                      "children": 40, "dwell": 60, "zone": "bus stop"}],
        "drop_off_profile": {"pupils": PUPILS_BY_CAR, "share_driven": 1.0, "pupils_per_car": 1.3, "bell": BELL,
                             "window": BELL, "profile": [1, 1, 2, 4, 6, 6], "escort_share": 0.25,
                             "dwell": {"distribution": "uniform", "min": 20, "max": 40},
                             "routes": ["westbound", "eastbound"]},
        "flows": [{"route": "westbound", "type": "car", "rate": dismissal.THROUGH_RATE, "from": 0, "to": BELL},
                  {"route": "eastbound", "type": "car", "rate": dismissal.THROUGH_RATE, "from": 0, "to": BELL}],
        "walk_in_flows": [
            {"link": "eg", "rate": WALK_IN_RATE, "from": 0, "to": BELL, "position": [150, 290]},
            {"link": "wg", "rate": WALK_IN_RATE, "from": 0, "to": BELL, "position": [10, 150]}],
    }


def scenario():
    street = dismissal.street()
    street["demand"] = demand()
    gate = street["gates"][0]
    gate.pop("exit", None)
    gate["entry_check"] = {"servers": SERVERS, "service": {"distribution": "gamma", "shape": 1, "scale": CHECK_MEAN},
                           "from": 0, "to": BELL + 600}
    return {
        "format": "campusflow-scenario/1",
        "name": "arrival",
        "description": "The morning at the dismissal's school: drop-offs, a school bus and walk-ins in the half "
                       "hour before the bell, every pupil through the gate's entry check (4 staff)",
        "settings": {"time_limit": 3600, "seed": 1},
        "street": street,
        "variants": [{"name": "two checking", "description": "Two staff check at the gate instead of four",
                      "set": {"/street/gates/0/entry_check/servers": 2}}],
    }


if __name__ == "__main__":
    write("scenarios/arrival/generate.py", scenario())
