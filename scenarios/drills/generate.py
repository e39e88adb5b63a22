#!/usr/bin/env python3
"""Writes the drill procedures on the shipped school (scenarios/drill): the
same building and classes, with the events of each procedure.

- fire-east-stair.json: fire in the east stairwell. Every east flight is
  blocked at the alarm; the classes whose posted route goes east give it up
  and take the nearest way still open, the west stair.

Usage: python3 generate.py NAME > NAME.json   (the committed files are its output)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "drill"))
from school_building import write  # noqa: E402
from generate import scenario as school  # noqa: E402  (scenarios/drill/generate.py)


def fire_east_stair():
    s = school()
    s["name"] = "fire-east-stair"
    s["description"] = ("Fire in the east stairwell of the four-storey school: every east flight is blocked at the "
                        "alarm, the classes posted east re-route to the west stair")
    s["events"] = [{"time": 0, "action": "block", "target": st["name"]}
                   for st in s["stairs"] if st["name"].startswith("east stair")]
    return s


VARIANTS = {"fire-east-stair": fire_east_stair}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in VARIANTS:
        sys.exit(f"usage: generate.py {{{','.join(VARIANTS)}}} > NAME.json")
    write("scenarios/drills/generate.py " + sys.argv[1], VARIANTS[sys.argv[1]]())
