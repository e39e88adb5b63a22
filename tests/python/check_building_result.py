#!/usr/bin/python3
"""Checks the building results of a complete campusflow run with h5py: the
places and passages, the flow bins, the roll call and the density maps must
agree with each other and with the summary.

usage: check_building_result.py RESULT.h5   (exit 1 with a message when they disagree)
"""
import sys

import h5py
import numpy as np


def fail(message):
    print(f"check_building_result: {message}")
    sys.exit(1)


def main(path):
    with h5py.File(path, "r") as f:
        cf = f["campusflow"]
        if cf.attrs["status"] != "complete":
            fail("the run is not complete")
        summary = cf["summary"]
        places = cf["places"]
        kinds = places["kind"].asstr()[:]
        passages = cf["passages"][:]
        if passages.dtype.names != ("agent", "place", "time"):
            fail(f"/campusflow/passages has fields {passages.dtype.names}")
        # Everyone who reached safety passed an exit or an assembly point once.
        safe = np.isin(kinds[passages["place"]], ["exit", "assembly point"]).sum()
        if safe != summary.attrs["exited"]:
            fail(f"{safe} passages into safety, summary says {summary.attrs['exited']} exited")
        # The flow bins count the same passages, place by place.
        flow = summary["flow"][:]
        if flow.ndim != 2 or flow.shape[1] != len(kinds):
            fail(f"summary/flow has shape {flow.shape}, expected (bins, {len(kinds)})")
        per_place = np.bincount(passages["place"], minlength=len(kinds))
        if not np.array_equal(flow.sum(axis=0), per_place):
            fail("summary/flow does not add up to the passages of each place")
        # The roll call: one row per group, start <= out of the building <= assembled.
        classes = cf["classes"][:]
        if len(classes) != len(cf["group_names"]):
            fail(f"{len(classes)} rows in classes for {len(cf['group_names'])} groups")
        if not np.all((classes["start"] >= 0) & (classes["start"] <= classes["cleared"])
                      & (classes["cleared"] <= classes["assembled"])):
            fail("a class assembled before it left the building, or left before it started")
        if not np.isclose(classes["assembled"].max(), summary.attrs["evacuation_time"]):
            fail("the last class assembled at another time than the evacuation time")
        # The density maps: the peak stored in the summary is the largest cell.
        density = cf["density"][:]
        if not np.isclose(density["density"].max(), summary.attrs["peak_density"]):
            fail("summary@peak_density is not the largest density cell")
        levels = len(cf["geometry"])
        if density["level"].min() < 0 or density["level"].max() >= levels:
            fail("a density cell names a level that does not exist")
        # Heights stay between the lowest and the highest level.
        z = f["trajectory"]["z"]
        elevations = [cf["geometry"][k].attrs["elevation"] for k in cf["geometry"]]
        if z.min() < min(elevations) - 1e-9 or z.max() > max(elevations) + 20:
            fail("trajectory heights outside the building")
        print(f"{len(passages)} passages through {len(kinds)} places, {len(classes)} classes, "
              f"{len(density)} density cells, peak {summary.attrs['peak_density']:.0f} P/m2")


if __name__ == "__main__":
    main(sys.argv[1])
