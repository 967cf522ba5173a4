"""Runs one child process and measures it alone: wall seconds, CPU seconds and peak resident memory.

Each child is started by measure_child.c, which forks it from a small process and reads its own
rusage with wait4(2): the figure is that child's high-water mark, neither the benchmark's (a
child forked from Python would inherit it, see measure_child.c) nor an earlier child's, as
getrusage(RUSAGE_CHILDREN) would give. Standard output and error go to files: Ronghe writes one
line per odd record on standard error.
"""
import json
import os
import subprocess
from dataclasses import dataclass

import native

# Numerical libraries keep to one thread: OpenBLAS starts a pool per core as soon as numpy is
# imported (openpyxl imports it too), and its idle threads spin, adding CPU time no work needs.
# The peers work on one thread; Ronghe uses its own threads where it has them.
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class BenchFailure(Exception):
    """A child failed, or printed what the benchmark cannot read."""


@dataclass
class Measurement:
    """One child's figures: wall seconds, peak RSS in kB, CPU seconds (user + system), exit status
    and what it printed."""
    seconds: float
    peak_kb: int
    cpu: float
    status: int
    stdout: str

    def json(self):
        """The last line of standard output parsed as JSON (the peers' and ronghe-bench's report)."""
        lines = [line for line in self.stdout.splitlines() if line.strip()]
        if not lines:
            raise BenchFailure("expected a JSON line on standard output, found nothing")
        return json.loads(lines[-1])


class Meter:
    """Measures children one at a time; compiles measure_child.c into `work` once."""

    def __init__(self, work):
        self.runner = native.compile_c("measure_child.c", work)

    def run(self, command, log_prefix, accept=(0,), cwd=None):
        """Runs `command` (a list of strings), waits for it and returns its Measurement.

        Its standard output and error are kept in `log_prefix`.out and .err; an exit status not in
        `accept` raises BenchFailure quoting the end of the error file.
        """
        out_path, err_path, report_path = (f"{log_prefix}.{suffix}" for suffix in ("out", "err", "rusage"))
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            status = subprocess.call([self.runner, report_path, *command], stdout=out, stderr=err,
                                     stdin=subprocess.DEVNULL, cwd=cwd, env={**os.environ, **ONE_THREAD})
        if status not in accept:
            with open(err_path, encoding="utf-8", errors="replace") as err:
                tail = err.read()[-2000:]
            raise BenchFailure(f"{' '.join(command)} exited with {status}:\n{tail}")
        with open(report_path, encoding="utf-8") as report:
            seconds, peak_kb, cpu = report.read().split()
        os.remove(report_path)
        with open(out_path, encoding="utf-8", errors="replace") as out:
            text = out.read()
        return Measurement(seconds=float(seconds), peak_kb=int(peak_kb), cpu=float(cpu), status=status, stdout=text)
