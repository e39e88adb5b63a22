#!/usr/bin/env python3
"""Every scenario the project ships (scenarios/ but not its invalid/, and
bench/scenarios/) validates against
scenarios/schema/scenario.schema.json, the schema docs/scenario-format.md
offers editors: a key the parser learns must be added to the schema too.
Studies (format campusflow-study/1) validate against study.schema.json.
  check_schema.py SOURCE_DIR   (needs python3-jsonschema, JSON Schema 2020-12)"""
import glob
import json
import os
import sys

import jsonschema


def plain_json(text):
    """Drops what campusflow's scenario reader allows beyond JSON: // comments
    and trailing commas (both outside strings)."""
    out, i, in_string = [], 0, False
    while i < len(text):
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\":
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif text.startswith("//", i):
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        elif c == ",":
            j = i + 1
            while True:  # the next thing that is neither white space nor a comment
                while j < len(text) and text[j].isspace():
                    j += 1
                if not text.startswith("//", j):
                    break
                while j < len(text) and text[j] != "\n":
                    j += 1
            if j >= len(text) or text[j] not in "]}":
                out.append(c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


root = sys.argv[1]
validators = {
    kind: jsonschema.Draft202012Validator(json.load(open(os.path.join(root, f"scenarios/schema/{kind}.schema.json"))))
    for kind in ("scenario", "study")
}
checked, failed = 0, 0
paths = glob.glob(os.path.join(root, "scenarios/**/*.json"), recursive=True)
paths += glob.glob(os.path.join(root, "bench/scenarios/*.json"))
for path in sorted(paths):
    rel = os.path.relpath(path, root)
    if rel.startswith(("scenarios/invalid/", "scenarios/schema/")):
        continue
    doc = json.loads(plain_json(open(path, encoding="utf-8").read()))
    checked += 1
    kind = "study" if doc.get("format") == "campusflow-study/1" else "scenario"
    for e in validators[kind].iter_errors(doc):
        failed += 1
        print(f"{rel}: {'.'.join(str(p) for p in e.path) or '(top)'}: {e.message}")
print(f"{checked} scenarios checked, {failed} schema errors")
sys.exit(1 if failed or checked == 0 else 0)
