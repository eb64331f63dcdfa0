"""How quickly the REPL answers a person at a terminal, in a release build.

Two figures, each over 20 sessions on a real pseudo-terminal:
  * first prompt: from spawning `sharesim repl [FILE]` to `sharesim> ` on screen;
  * run: what `timing on` reports for `run` on a bundled scenario (resolve + run).

Usage: python3 bench/repl_latency.py .build/release/sharesim scenarios/ofac-easing.scn
"""

import os
import pty
import re
import select
import signal
import statistics
import sys
import tempfile
import time

PROMPT = b"sharesim> "
SESSIONS = 20


class Session:
    """`sharesim repl` on its own pseudo-terminal, with a private history."""

    def __init__(self, argv, state):
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ["XDG_STATE_HOME"] = state
            os.environ["TERM"] = "xterm"
            os.execv(argv[0], argv)
        self.screen = b""

    def wait_for(self, text, after=0, limit=10.0):
        """Reads until `text` appears after `after`; returns where it ends."""
        deadline = time.time() + limit
        while time.time() < deadline:
            at = self.screen.find(text, after)
            if at >= 0:
                return at + len(text)
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready:
                try:
                    self.screen += os.read(self.fd, 65536)
                except OSError:
                    break
        raise SystemExit("timed out waiting for %r; screen:\n%s" % (text, self.screen.decode(errors="replace")))

    def type(self, keys):
        os.write(self.fd, keys)

    def close(self):
        os.kill(self.pid, signal.SIGTERM)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def first_prompt_ms(argv, state):
    session = Session(argv, state)
    session.wait_for(PROMPT)
    elapsed = (time.perf_counter() - session.started) * 1e3
    session.close()
    return elapsed


def timed_run_ms(argv, state):
    session = Session(argv, state)
    at = session.wait_for(PROMPT)
    session.type(b"timing on\r")
    at = session.wait_for(PROMPT, session.wait_for(b"timing on", at))
    session.type(b"run\r")
    end = session.wait_for(b" ms\r\n", session.wait_for(b"time: resolve", at))
    line = session.screen[session.screen.rfind(b"time: resolve", 0, end):end].decode()
    session.close()
    return float(re.search(r"total ([0-9.]+) ms", line).group(1))


def summary(name, samples):
    samples = sorted(samples)
    p90 = samples[int(len(samples) * 0.9) - 1]
    return "%-36s median %6.2f ms   p90 %6.2f ms" % (name, statistics.median(samples), p90)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    binary, scenario = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as state:
        bare = [first_prompt_ms([binary, "repl"], state) for _ in range(SESSIONS)]
        loaded = [first_prompt_ms([binary, "repl", scenario], state) for _ in range(SESSIONS)]
        runs = [timed_run_ms([binary, "repl", scenario], state) for _ in range(SESSIONS)]
    print("REPL on a pseudo-terminal (%d sessions each; targets: prompt 50 ms, run 5 ms)" % SESSIONS)
    print(summary("first prompt, no scenario", bare))
    print(summary("first prompt, %s" % os.path.basename(scenario), loaded))
    print(summary("timing on; run (resolve + run)", runs))


if __name__ == "__main__":
    main()
