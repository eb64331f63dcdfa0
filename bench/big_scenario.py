"""Writes a large valid scenario to standard output, for measuring how long `check`
takes on a file no one writes by hand (issue 7, item 9c).

VENDORS vendors with even shares in one segment, then EVENTS events of one access change
each. 1000 400000 makes a 45 MB file (over the 16 MiB limit: measure it with
SHARESIM_MAX_SCENARIO_MIB=64); 1000 20000 makes 2.3 MB.

Usage: python3 bench/big_scenario.py 1000 400000 > /tmp/big.scn
       SHARESIM_MAX_SCENARIO_MIB=64 /usr/bin/time -f "%e s %M KB" .build/release/sharesim check /tmp/big.scn
"""

import sys


def main() -> None:
    vendors, events = int(sys.argv[1]), int(sys.argv[2])
    out = sys.stdout
    out.write('scenario "Big"\ntimeline 2021-01 to 2030-12 monthly\n')
    out.write('segment s "Segment" lifetime 3y [assumption: a] growth 0%/y [assumption: b] size 1 [assumption: c]\n')
    for v in range(vendors):
        out.write(f"vendor V{v} origin US\n")
    out.write("share s 2021-01: " + ", ".join(f"V{v} {100 / vendors:.6f}% [assumption: even]" for v in range(vendors)) + "\n")
    for i in range(events):
        year, month = 2022 + (i % 8), 1 + (i % 9)
        out.write(f'event "Event number {i}" {year}-0{month}:\n')
        out.write(f"  access V{i % vendors} in s to {i % 100}% over 3 months [assumption: generated event {i}]\n")


if __name__ == "__main__":
    main()
