#!/usr/bin/env python3
"""MODEL.md's share model written the way an analyst would write it: numpy arrays over
vendors, a plain Python loop over steps.

sharesim-bench runs this on the very resolved scenario it gives the Swift engine, so that the
engine's speed is shown beside the usual alternative, and reads back the shares written here
to check that both computed the same model.

usage: engine_numpy.py SCENARIO.json SHARES.f64 [REPETITIONS]

Prints one JSON line, {"seconds": [...]}: the time of the step loop in each repetition
(per-step parameter arrays are built before the clock starts, as the engine's are). Writes,
segment after segment, the installed shares then the sales shares as steps x vendors raw
little-endian float64, the layout of the engine's SegmentSeries.
"""
import json
import sys
import time

import numpy as np

STEP_YEARS = {"month": 1 / 12, "quarter": 1 / 4, "year": 1.0}


def ramp(series, change, initial):
    """A change's ramp on one parameter series (indexed by step), from the value in effect
    the step before to `to` over `over` steps, then `to` until a later change."""
    at, to, n = change["at"], change["to"], max(1, change.get("over", 1))
    steps = len(series)
    if at >= steps:
        return
    p = series[at - 1] if at > 0 else initial
    i = np.arange(steps - at)
    series[at:] = np.where(i < n - 1, p + (to - p) * (i + 1) / n, to)


def schedule(segment, members, changes, steps):
    """Per-step shift, trend, access (step x vendor x buyer group) and growth of one segment."""
    column = {v: j for j, v in enumerate(members)}
    buyers = {b["id"]: i for i, b in enumerate(segment["buyers"])}
    shift = np.zeros((steps, len(members)))
    trend = np.zeros((steps, len(members)))
    access = np.ones((steps, len(members), len(buyers)))
    growth = np.full(steps, segment["growth"])
    for c in changes:
        if c["segment"] != segment["id"]:
            continue
        if c["field"] == "growth":
            ramp(growth, c, segment["growth"])
        elif c["vendor"] in column:
            j = column[c["vendor"]]
            if c["field"] == "shift":
                ramp(shift[:, j], c, 0.0)
            elif c["field"] == "trend":
                ramp(trend[:, j], c, 0.0)
            elif c["buyer"] is None:
                for b in range(len(buyers)):
                    ramp(access[:, j, b], c, 1.0)
            elif c["buyer"] in buyers:
                ramp(access[:, j, buyers[c["buyer"]]], c, 1.0)
    return shift, trend, access, growth


def run_segment(segment, members, changes, steps, dt):
    """The step loop of one segment; returns (installed shares, sales shares, loop seconds)."""
    shift, trend, access, growth = schedule(segment, members, changes, steps)
    sigma = np.array([segment["initial"].get(v, 0.0) for v in members])
    appeal = np.array([segment["appeal"].get(v, -np.inf) for v in members])
    base = np.where(sigma > 0, np.log(np.where(sigma > 0, sigma, 1.0)), appeal)
    weights = np.array([b["weight"] for b in segment["buyers"]])
    r = min(1.0, dt / segment["lifetime"])
    step_growth = (1 + growth) ** dt - 1

    # All four reported figures are kept, as the engine keeps them, so both do the same work.
    installed_share = np.empty((steps, len(members)))
    sales_share = np.empty((steps, len(members)))
    installed_out = np.empty((steps, len(members)))
    sales_out = np.empty((steps, len(members)))

    start = time.perf_counter()
    installed = sigma * segment["size"]
    cumulative_trend = np.zeros(len(members))
    for k in range(steps):
        total = installed.sum()
        installed_out[k] = installed
        installed_share[k] = installed / total if total > 0 else 0.0
        demand = max(0.0, (r + step_growth[k]) * total)

        utility = base + shift[k] + cumulative_trend
        attraction = np.exp(utility - utility.max())
        by_group = access[k] * attraction[:, None]
        group_total = by_group.sum(axis=0)
        won = (by_group / np.where(group_total > 0, group_total, 1.0)) @ weights
        won_total = won.sum()

        bought = demand * won
        sales_out[k] = bought
        sales_share[k] = won / won_total if won_total > 0 else 0.0
        installed = (1 - r) * installed + bought
        cumulative_trend += trend[k] * dt
    return installed_share, sales_share, time.perf_counter() - start


def run(scenario):
    """Every segment in order; returns the shares per segment and the total loop seconds."""
    steps = scenario["timeline"]["steps"]
    dt = STEP_YEARS[scenario["timeline"]["step"]]
    vendors = [v["id"] for v in scenario["vendors"]]
    changes = sorted(scenario["changes"], key=lambda c: c["at"])  # stable: ties stay as written
    shares, seconds = [], 0.0
    for segment in scenario["segments"]:
        members = [v for v in vendors if v in segment["initial"] or v in segment["appeal"]]
        installed_share, sales_share, loop_seconds = run_segment(segment, members, changes, steps, dt)
        shares.append((installed_share, sales_share))
        seconds += loop_seconds
    return shares, seconds


def main():
    scenario_path, shares_path = sys.argv[1], sys.argv[2]
    repetitions = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with open(scenario_path) as f:
        scenario = json.load(f)
    timings = []
    for _ in range(repetitions):
        shares, seconds = run(scenario)
        timings.append(seconds)
    with open(shares_path, "wb") as f:
        for installed_share, sales_share in shares:
            installed_share.astype("<f8").tofile(f)
            sales_share.astype("<f8").tofile(f)
    print(json.dumps({"seconds": timings}))


if __name__ == "__main__":
    main()
