"""The metrics of docs/metrics.md, computed the same way for both engines
from plain per-vehicle rows, queue samples and walks (stdlib only)."""
import statistics

BIN = 300.0  # [s] drop-off throughput bins


def throughput(stop_ends):
    """Drop-offs completed per 5-minute bin: {bin_start: count}."""
    bins = {}
    for e in stop_ends:
        b = int(e // BIN) * BIN
        bins[b] = bins.get(b, 0) + 1
    return dict(sorted(bins.items()))


def delays(cars, free_flow):
    """(arrival - wanted) - (stop end - stop start) - free-flow time, for cars that left."""
    return [c["arrival"] - c["wanted"] - (c["stop_end"] - c["stop_start"]) - free_flow
            for c in cars if c["arrival"] >= 0 and c["stop_end"] >= 0]


def queue_tail(candidates):
    """candidates: (d_front, d_rear, speed) of vehicles at or behind the reference point.
    Slower than 2 m/s, sorted by d_front; a gap above 20 m ends the queue."""
    tail = 0.0
    for front, rear, _ in sorted(c for c in candidates if c[2] < 2.0):
        if front - tail > 20.0:
            break
        tail = max(tail, rear)
    return tail


def spillback(tails, spill_distance, interval=1.0):
    """Seconds with the tail beyond the spill node, and the largest extent past it."""
    over = [t - spill_distance for t in tails if t > spill_distance]
    return len(over) * interval, max(over, default=0.0)


def summary(name, xs):
    return {"n": len(xs), "mean": statistics.fmean(xs) if xs else float("nan"),
            "min": min(xs, default=float("nan")), "max": max(xs, default=float("nan"))}
