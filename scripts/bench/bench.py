#!/usr/bin/env python3
"""`make bench`: times each step of Ronghe beside peers doing the same work, at several sizes,
prints a table per size and the growth between sizes, and writes them to results.md.

Every figure comes from one child process measured alone (measure.py, measure_child.c): wall
seconds, CPU seconds and its own peak resident memory. "work" is the step's own time where the
child reports it (the peers and ronghe-bench time their work without interpreter start-up or
loading their input); for the `ronghe` commands it is the whole process. Ratios and growth are
given in CPU seconds of the work, which a busy machine disturbs less, and in wall seconds, where
Ronghe's parallel checking of records gains.

usage: bench.py [--sizes "1000 10000 100000"] [--seed S] [--repeat R] [--work DIR] [--results FILE] [--release DIR]
"""
import argparse
import csv
import json
import os
import shutil
import sys
from dataclasses import dataclass

import machine
import measure
import peers
import ranking_table
import report

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TREE = "indicators/lianghua-default.json"

# Each step, what it measures and what its ratios say, for the tables and results.md.
STEPS = {
    "import CSV": "`ronghe campaign new` + `ronghe import` of the CSV into a fresh database (read, check, store every "
                  "record with history) beside pandas + sqlite3 storing the same rows as JSON without checking them",
    "import XLSX": "the same for the XLSX batch sheet, the peer reading it with python-calamine",
    "score": "`ronghe score --db` (load the accepted submissions, score, select, store the batch) beside the pandas/numpy "
             "reference scorer reading the CSV and scoring it (same tree, totals identical bit for bit)",
    "read XLSX": "reading the XLSX batch sheet: Ronghe reads and validates every record (`ronghe-bench read --file`); "
                 "openpyxl (read_only) and python-calamine only read the cells into Python values",
    "write workbook": "writing the leaders' workbook from the CSV's database: `ronghe export --db --runs 0` as a whole (load "
                      "the latest batch, score it again and check it against the stored results, select, write), then the "
                      "write alone (`ronghe-bench export --db`, seven sheets), beside XlsxWriter, openpyxl and a plain C "
                      "program over libxlsxwriter (the floor) writing the Ranking sheet's rows with the same number formats",
}


@dataclass
class Row:
    """One measured child in one step at one size."""
    size: int
    step: str
    tool: str
    seconds: float  # the child's wall time
    work: float     # the step's own wall time: reported by the child, or the child's wall time
    cpu: float      # the step's own CPU time: reported by the child, or the child's CPU time
    peak_kb: int
    base: bool = False  # the Ronghe figure the step's ratios divide


class Bench:
    """Runs the steps at one size per call of `size_run`; with several passes over the sizes, each
    figure is the pass whose work took the least CPU time."""

    def __init__(self, work, release, seed, python):
        self.work, self.seed, self.python = work, seed, python
        self.ronghe = os.path.join(release, "ronghe")
        self.ronghe_bench = os.path.join(release, "ronghe-bench")
        self.floor = peers.build_floor(work)
        self.meter = measure.Meter(work)
        self.best = {}  # (size, step, tool) → the Row of the pass with the least work CPU time

    @property
    def rows(self):
        return list(self.best.values())

    def run(self, name, command, accept=(0,)):
        return self.meter.run(command, os.path.join(self.folder, name), accept=accept, cwd=ROOT)

    def measure(self, step, tool, run, reported=None, base=False):
        """Runs `run` once and keeps its figures if they are the first or the least CPU time so far.

        `run` returns the Measurements of the processes that make up the tool's work (their times
        add up, their peaks do not); `reported` maps the last one to the (wall, CPU) seconds of the
        work the child printed. Returns that last Measurement.
        """
        measurements = run()
        seconds, cpu = sum(m.seconds for m in measurements), sum(m.cpu for m in measurements)
        work, work_cpu = reported(measurements[-1]) if reported else (seconds, cpu)
        row = Row(self.size, step, tool, seconds, work, work_cpu, max(m.peak_kb for m in measurements), base)
        key = (self.size, step, tool)
        if key not in self.best or row.cpu < self.best[key].cpu:
            self.best[key] = row
        print(f"{self.size:>8,} {step:<15} {tool:<38} {row.seconds:8.2f} s  work {row.work:8.2f} s  "
              f"cpu {row.cpu:8.2f} s  {row.peak_kb / 1024:8.1f} MB", file=sys.stderr, flush=True)
        return measurements[-1]

    @staticmethod
    def reported(measurement):
        """The (wall, CPU) seconds of its work that a peer or ronghe-bench printed."""
        figures = measurement.json()
        return figures["seconds"], figures["cpu_seconds"]

    def python_script(self, name, *arguments):
        return [self.python, os.path.join(HERE, name), *arguments]

    def size_run(self, size, generate):
        """Every step at `size`; `generate` (on the first pass) makes the surveys afresh first."""
        self.size = size
        self.folder = os.path.join(self.work, str(size))
        self.csv, self.xlsx = os.path.join(self.folder, "surveys.csv"), os.path.join(self.folder, "surveys.xlsx")
        if generate:
            shutil.rmtree(self.folder, ignore_errors=True)
            os.makedirs(self.folder)
            for survey in (self.csv, self.xlsx):
                self.run("generate", [self.ronghe, "generate", "--count", str(size), "--seed", str(self.seed),
                                      "--out", survey, "--indicators", TREE, "--force"])
        csv_database = self.import_step("import CSV", self.csv, "pandas + sqlite3 (no checks)")
        self.score_step(csv_database)
        self.write_step(csv_database)
        self.remove_database(csv_database)
        self.remove_database(self.import_step("import XLSX", self.xlsx, "calamine + sqlite3 (no checks)"))
        self.read_step()

    def import_step(self, step, survey, peer):
        database = os.path.join(self.folder, f"ronghe-{os.path.basename(survey)}.sqlite")
        peer_database = os.path.join(self.folder, "peer.sqlite")

        def ronghe():
            self.remove_database(database)
            created = self.run("campaign", [self.ronghe, "campaign", "new", "bench", "--indicators", TREE, "--db", database])
            # Exit status 1 means some records were rejected: generated data may have a few.
            return [created, self.run("import", [self.ronghe, "import", survey, "--db", database], accept=(0, 1))]

        def python():
            self.remove_database(peer_database)
            return [self.run("peer-import", self.python_script("peer_import.py", survey, peer_database))]

        self.measure(step, "ronghe campaign new + import", ronghe, base=True)
        self.measure(step, peer, python, self.reported)
        self.remove_database(peer_database)
        return database

    def score_step(self, database):
        def reported(measurement):
            figures = measurement.json()
            return figures["read_seconds"] + figures["score_seconds"], figures["cpu_seconds"]

        self.measure("score", "ronghe score --db", lambda: [self.run("score", [self.ronghe, "score", "--db", database])],
                     base=True)
        self.measure("score", "reference_scorer.py (pandas, numpy)",
                     lambda: [self.run("reference", self.python_script("reference_scorer.py", TREE, self.csv))], reported)

    def read_step(self):
        self.measure("read XLSX", "ronghe read + validate",
                     lambda: [self.run("read", [self.ronghe_bench, "read", "--file", self.xlsx, "--tree", TREE])],
                     self.reported, base=True)
        for library in ("openpyxl", "calamine"):
            self.measure("read XLSX", f"{library} (read only)",
                         lambda: [self.run(f"read-{library}", self.python_script("peer_read.py", library, self.xlsx))],
                         self.reported)

    def write_step(self, database):
        step = "write workbook"
        workbook = os.path.join(self.folder, "export.xlsx")
        self.measure(step, "ronghe export --db (all of it)", lambda: [self.run(
            "export", [self.ronghe, "export", "--db", database, "--out", workbook, "--runs", "0"])])
        written = self.measure(step, "ronghe write alone (7 sheets)", lambda: [self.run("export-write", [
            self.ronghe_bench, "export", "--db", database, "--runs", "0", "--tree", TREE,
            "--out", os.path.join(self.folder, "export-bench.xlsx")])],
            lambda m: (m.json()["write_seconds"], m.json()["write_cpu_seconds"]), base=True)

        # The peers write what the Ranking sheet of Ronghe's workbook holds, streaming where Ronghe streams.
        table = os.path.join(self.folder, "ranking.tsv")
        ranking_table.extract(workbook, table)
        streaming = ["--constant-memory"] if written.json()["constant_memory"] else []
        for library in ("xlsxwriter", "openpyxl"):
            out = os.path.join(self.folder, f"{library}.xlsx")
            self.measure(step, f"{library} (Ranking sheet)", lambda: [self.run(
                f"write-{library}", self.python_script("peer_write.py", library, table, out, *streaming))], self.reported)
        self.measure(step, "C + libxlsxwriter (floor)", lambda: [self.run(
            "write-c", [self.floor, table, os.path.join(self.folder, "floor.xlsx"), *streaming])], self.reported)

    def check_totals(self):
        """Whether `ronghe score --indicators TREE CSV --json` and the reference scorer give the same
        totals bit for bit on the current size's CSV: (identical, compared)."""
        scored = self.run("check-ronghe", [self.ronghe, "score", "--indicators", TREE, self.csv, "--json"], accept=(0, 1))
        reference = os.path.join(self.folder, "reference.csv")
        self.run("check-reference", self.python_script("reference_scorer.py", TREE, self.csv, reference))
        with open(reference, encoding="utf-8") as file:
            totals = {row["uscc"]: float(row["total"]) for row in csv.DictReader(file)}
        ronghe = {card["uscc"]: card["total"] for card in json.loads(scored.stdout)}
        identical = sum(1 for uscc, total in ronghe.items() if totals.get(uscc) == total)
        return identical, max(len(ronghe), len(totals))

    def remove_database(self, path):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)


def main():
    parser = argparse.ArgumentParser(description="Time Ronghe beside its peers; see scripts/bench/README.md.")
    parser.add_argument("--sizes", default="1000 10000 100000", help="enterprise counts, separated by spaces")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1,
                        help="passes over every size and step; each figure is the pass with the least work CPU time")
    parser.add_argument("--work", default=os.path.join(ROOT, ".build", "bench"), help="where generated files go")
    parser.add_argument("--results", default=os.path.join(HERE, "results.md"))
    parser.add_argument("--release", default=os.path.join(ROOT, ".build", "release"), help="where ronghe and ronghe-bench are")
    arguments = parser.parse_args()
    sizes = sorted({int(size) for size in arguments.sizes.replace(",", " ").split()})
    if not sizes:
        parser.error("--sizes: give at least one size")
    if arguments.repeat < 1:
        parser.error("--repeat: at least 1")

    peers.ensure_python_packages()
    facts = machine.facts()
    work = os.path.abspath(arguments.work)
    os.makedirs(work, exist_ok=True)
    bench = Bench(work, os.path.abspath(arguments.release), arguments.seed, sys.executable)
    check = None
    # Whole passes rather than runs back to back: a busy spell on the shared machine then spoils
    # one pass of a figure, not all of them.
    for number in range(arguments.repeat):
        if arguments.repeat > 1:
            print(f"pass {number + 1} of {arguments.repeat}", file=sys.stderr, flush=True)
        for size in sizes:
            bench.size_run(size, generate=number == 0)
            if check is None:
                check = (size, *bench.check_totals())
    text = report.document(facts, sizes, arguments.seed, arguments.repeat, bench.rows, STEPS, check)
    print(text)
    with open(arguments.results, "w", encoding="utf-8") as results:
        results.write(text)
    print(f"Wrote {os.path.relpath(arguments.results)}", file=sys.stderr)
    if check[1] != check[2]:
        raise SystemExit(f"bench: only {check[1]} of {check[2]} totals agree with the reference scorer")


if __name__ == "__main__":
    try:
        main()
    except measure.BenchFailure as failure:
        raise SystemExit(f"bench: {failure}")
