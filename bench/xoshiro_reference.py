#!/usr/bin/env python3
"""Reference outputs of SplitMix64 and xoshiro256** for sharesim's RandomTests.

A direct transcription of Vigna's splitmix64.c and xoshiro256starstar.c in Python
integers masked to 64 bits, independent of the Swift code it checks. Run it to print the
values the tests compare against:

    python3 bench/xoshiro_reference.py
"""
MASK = (1 << 64) - 1


def mix(z):
    """SplitMix64's output function."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def splitmix64(state):
    """Yields SplitMix64 outputs from a seed."""
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        yield mix(state)


def run_stream(seed, run):
    """MODEL.md's stream of run `run` of a batch seeded with `seed`: from mix(seed) + run."""
    return xoshiro256starstar((mix(seed) + run) & MASK)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def xoshiro256starstar(seed):
    """Yields xoshiro256** outputs, the state seeded by four SplitMix64 outputs."""
    sm = splitmix64(seed)
    s = [next(sm) for _ in range(4)]
    while True:
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield result


def first(gen, n):
    return [next(gen) for _ in range(n)]


if __name__ == "__main__":
    print("SplitMix64 seed 0:", ", ".join(f"0x{x:016x}" for x in first(splitmix64(0), 3)))
    for seed in (0, 42, MASK):
        print(f"xoshiro256** seed {seed}:", ", ".join(f"0x{x:016x}" for x in first(xoshiro256starstar(seed), 4)))
    print("mix(1), mix(2):", ", ".join(f"0x{mix(x):016x}" for x in (1, 2)))
    print("batch seed 40, run 2:", f"0x{next(run_stream(40, 2)):016x}")
