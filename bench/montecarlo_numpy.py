#!/usr/bin/env python3
"""The chip scenario's Monte Carlo written the way an analyst would: numpy, vectorised over runs.

scenarios/china-chip-share.scn, by hand: one flow segment (lifetime one month, so the whole
installed base is bought anew every step), five makers with their 2021 shares, and from
March 2022 access for the US, EU and East Asian makers ramped over three months to the
leakage ℓ ~ triangular(3%, 6.5%, 10%). MODEL.md's step for every run at once, then
numpy.percentile (method "inverted_cdf", which is the nearest rank) over the runs, written
as the same CSV as

    sharesim montecarlo scenarios/china-chip-share.scn --runs N --seed S --format csv

The random streams differ from sharesim's (numpy's PCG64 against xoshiro256**), so the bands
agree only to within sampling error.

    python3 bench/montecarlo_numpy.py --runs 100000 --seed 42 > bands.csv
    python3 bench/montecarlo_numpy.py --bench .build/release/sharesim   # `make bench`: both, timed
"""
import argparse
import os
import subprocess
import sys
import time

SCENARIO = "scenarios/china-chip-share.scn"
BANDS = [5, 25, 50, 75, 95]
VENDORS = [("ChinaMakers", "CN"), ("HongKong", "HK"), ("US", "US"), ("Europe", "EU"), ("EastAsia", "AS")]
SHARES = [0.22, 0.05, 0.35, 0.20, 0.18]
SANCTIONED = [2, 3, 4]          # US, Europe, EastAsia: access origin US, EU, AS
STEPS = 36                      # 2021-01 to 2023-12, monthly
EVENT_STEP, RAMP = 14, 3        # 2022-03, over 3 months
DT, LIFETIME, GROWTH, SIZE = 1 / 12, 1 / 12, 0.0, 150e6
LEAKAGE = (0.03, 0.065, 0.10)   # triangular(low, mode, high)


def dates():
    return [f"{2021 + k // 12}-{k % 12 + 1:02d}-01" for k in range(STEPS)]


def simulate(runs, seed):
    """Installed shares, shape (steps, runs, vendors)."""
    import numpy as np
    rng = np.random.default_rng(seed)
    leakage = rng.triangular(*LEAKAGE, size=runs)
    sigma = np.array(SHARES)
    utility = np.log(sigma)
    attraction = np.exp(utility - utility.max())          # no shift or trend: the same every step
    r = min(1.0, DT / LIFETIME)
    g = (1 + GROWTH) ** DT - 1
    installed = np.tile(sigma * SIZE, (runs, 1))
    access = np.ones((runs, len(SHARES)))
    out = np.empty((STEPS, runs, len(SHARES)))
    for k in range(STEPS):
        total = installed.sum(axis=1, keepdims=True)
        out[k] = installed / total
        if EVENT_STEP <= k:
            i = k - EVENT_STEP
            level = 1 + (leakage - 1) * (i + 1) / RAMP if i < RAMP - 1 else leakage
            access[:, SANCTIONED] = level[:, None]
        a = access * attraction
        won = a / a.sum(axis=1, keepdims=True)
        demand = np.maximum(0, (r + g) * total)
        installed = (1 - r) * installed + demand * won
    return out


def bands(runs, seed):
    import numpy as np
    shares = simulate(runs, seed)
    return np.percentile(shares, BANDS, axis=1, method="inverted_cdf")   # (bands, steps, vendors)


def write_csv(p, out):
    out.write("step,date,segment,vendor,origin,metric," + ",".join(f"p{b}" for b in BANDS) + "\n")
    for k, date in enumerate(dates()):
        for j, (vendor, origin) in enumerate(VENDORS):
            values = ",".join(repr(float(p[b, k, j])) for b in range(len(BANDS)))
            out.write(f"{k},{date},chips,{vendor},{origin},installed_share,{values}\n")


def read_csv(text):
    rows = {}
    for line in text.splitlines()[1:]:
        f = line.split(",")
        rows[(f[0], f[3])] = [float(x) for x in f[6:]]
    return rows


def timed(argv, env=None):
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited with {done.returncode}: {done.stderr.decode()}")
    return elapsed, done.stdout.decode()


def bench(binary, runs, seed, repetitions):
    """Both whole processes, best and median of `repetitions`, side by side."""
    if not os.access(binary, os.X_OK):
        sys.exit(f"no sharesim binary at {binary} (run `make build`)")
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    ours = [binary, "montecarlo", SCENARIO, "--runs", str(runs), "--seed", str(seed), "--format", "csv"]
    theirs = [sys.executable, __file__, "--runs", str(runs), "--seed", str(seed)]
    timed(ours)
    timed(theirs, env)
    ours_t, theirs_t = [], []
    for _ in range(repetitions):
        t, ours_out = timed(ours)
        ours_t.append(t)
        t, theirs_out = timed(theirs, env)
        theirs_t.append(t)
    a, b = read_csv(ours_out), read_csv(theirs_out)
    diff = max(abs(x - y) for key in a for x, y in zip(a[key], b[key]))
    ours_t.sort()
    theirs_t.sort()
    best, median = (lambda t: t[0]), (lambda t: t[len(t) // 2])
    print(f"Monte Carlo: {runs:,} runs of {SCENARIO}, bands {','.join(map(str, BANDS))} of the installed share "
          f"at all {STEPS} steps, CSV; whole process, best and median of {repetitions}")
    print(f"  sharesim montecarlo ({os.cpu_count()} threads)  best {best(ours_t):6.3f} s   median {median(ours_t):6.3f} s")
    print(f"  numpy (bench/montecarlo_numpy.py)  best {best(theirs_t):6.3f} s   median {median(theirs_t):6.3f} s")
    print(f"  sharesim / numpy                   {best(theirs_t) / best(ours_t):5.1f}× faster (best)   "
          f"{median(theirs_t) / median(ours_t):5.1f}× (median)   target ≥ 5×, aim 10×")
    print(f"  bands agree within {diff:.4f} (share points as fractions; the random streams differ)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--bench", metavar="SHARESIM", help="time this sharesim binary against this script")
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    if args.bench:
        bench(args.bench, args.runs, args.seed, args.repetitions)
    else:
        write_csv(bands(args.runs, args.seed), sys.stdout)


if __name__ == "__main__":
    main()
