"""The benchmark's figures as text: a table per size, the growth between sizes and a reading of
the ratios, in Markdown that reads the same on a terminal and in review (results.md)."""

# Time per record at 10x the reference size, relative to it, above which a step is called nonlinear.
NONLINEAR = 1.25


def table(header, lines, right_from=2):
    """A padded Markdown table; columns from `right_from` on are right-aligned."""
    cells = [header] + lines
    widths = [max(len(row[c]) for row in cells) for c in range(len(header))]

    def line(row):
        return "| " + " | ".join(v.rjust(w) if c >= right_from else v.ljust(w)
                                 for c, (v, w) in enumerate(zip(row, widths))) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if c >= right_from else ("-" * (w + 2))
                          for c, w in enumerate(widths)) + "|"
    return [line(header), rule] + [line(row) for row in lines]


def base_of(rows, row):
    return next(r for r in rows if r.size == row.size and r.step == row.step and r.base)


def size_table(rows, size, steps):
    header = ["step", "tool", "seconds", "work s", "work cpu s", "records/s", "peak MB", "ronghe/peer cpu",
              "ronghe/peer wall"]
    lines, previous = [], None
    for step in steps:
        for row in (r for r in rows if r.size == size and r.step == step):
            base = base_of(rows, row)
            if row.base or "ronghe" in row.tool:
                ratios = ["base", "base"] if row.base else ["", ""]
            else:
                ratios = [f"{base.cpu / row.cpu:.2f}", f"{base.work / row.work:.2f}"]
            lines.append([step if step != previous else "", row.tool, f"{row.seconds:.2f}", f"{row.work:.2f}",
                          f"{row.cpu:.2f}", f"{size / row.work:,.0f}", f"{row.peak_kb / 1024:.1f}"] + ratios)
            previous = step
    return table(header, lines)


def reference_size(sizes):
    return 10_000 if 10_000 in sizes else sizes[0]


def growth(rows, sizes, steps):
    """The growth table (CPU and wall time per record relative to the reference size) and the rows
    that grow faster than linearly by both measures.

    A busy neighbour on a shared core can inflate either measure of one run by a third; a cost that
    really grows faster than the records raises both, so only that is called NONLINEAR.
    """
    reference = reference_size(sizes)
    header = ["step", "tool"] + [f"{size:,} cpu / wall" for size in sizes] + ["verdict"]
    lines, nonlinear = [], []
    for step in steps:
        tools = list(dict.fromkeys(r.tool for r in rows if r.step == step))
        for tool in tools:
            measured = {r.size: r for r in rows if r.step == step and r.tool == tool}
            cpu = {size: (measured[size].cpu / size) / (measured[reference].cpu / reference) for size in sizes}
            wall = {size: (measured[size].work / size) / (measured[reference].work / reference) for size in sizes}
            larger = [size for size in sizes if size > reference]
            verdict = ""
            if larger:
                worst_cpu, worst_wall = max(cpu[s] for s in larger), max(wall[s] for s in larger)
                if min(worst_cpu, worst_wall) > NONLINEAR:
                    verdict = "NONLINEAR"
                    nonlinear.append((step, tool, worst_cpu, worst_wall))
                elif max(worst_cpu, worst_wall) > NONLINEAR:
                    verdict = "unclear"
                else:
                    verdict = "linear" if max(worst_cpu, worst_wall) >= 1 / NONLINEAR else "sublinear"
            lines.append([step, tool] + [f"{cpu[size]:.2f} / {wall[size]:.2f}" for size in sizes] + [verdict])
    return table(header, lines, right_from=2), nonlinear


def reading(rows, sizes, steps):
    """One sentence per step: Ronghe's work against each peer at the largest size."""
    size = sizes[-1]
    sentences = []
    for step in steps:
        step_rows = [r for r in rows if r.size == size and r.step == step]
        base = next(r for r in step_rows if r.base)
        peers = [r for r in step_rows if "ronghe" not in r.tool]
        comparisons = "; ".join(f"{base.cpu / r.cpu:.2f}× the CPU time of {r.tool} ({base.work / r.work:.2f}× its wall time)"
                                for r in peers)
        memory = ", ".join(f"{r.peak_kb / 1024:.0f} MB for {r.tool}" for r in peers)
        sentences.append(f"- **{step}** at {size:,}: {base.tool} takes {base.work:.2f} s ({base.cpu:.2f} s of CPU): "
                         f"{comparisons}. Peak memory {base.peak_kb / 1024:.0f} MB against {memory}.")
    return sentences


def document(facts, sizes, seed, repeat, rows, steps, check):
    """The whole of results.md."""
    out = ["# `make bench` results", "",
           "Written by `scripts/bench/bench.py` (see `scripts/bench/README.md`); every run overwrites it. "
           f"Sizes {', '.join(f'{s:,}' for s in sizes)}; seed {seed}; tree `indicators/lianghua-default.json`; "
           + (f"{repeat} passes over every size and step, each figure the pass with the least work CPU time."
              if repeat > 1 else "one pass."), "",
           "## Machine", ""]
    out += [f"- {what}: {value}" for what, value in facts]
    out += ["", "## What each step measures", ""]
    out += [f"- **{step}**: {text}." for step, text in steps.items()]
    out += ["", "*seconds*: the child process's wall time. *work s*, *work cpu s*: the wall and CPU (user + system) "
            "time of the step's own work as the child reports it (without interpreter start-up or loading its "
            "input), else the whole child's. *records/s*: enterprises per work second. *peak MB*: the child's peak "
            "resident memory. *ronghe/peer cpu*, *wall*: Ronghe's work time (the row marked base) divided by the "
            "peer's, in CPU and in wall seconds; above 1, Ronghe is slower. The CPU ratio is the cost of the work, "
            "steady on a shared machine; the wall ratio is what a user waits, and credits Ronghe's import for using "
            "every core.", ""]
    for size in sizes:
        out += [f"## {size:,} enterprises", ""] + size_table(rows, size, steps) + [""]
    growth_lines, nonlinear = growth(rows, sizes, steps)
    out += ["## Growth", "",
            f"Work time per record at each size, in CPU and in wall seconds, relative to {reference_size(sizes):,} "
            f"(1.00). Linear cost keeps the larger sizes near 1. NONLINEAR: both measures above {NONLINEAR} at a "
            "larger size; unclear: one of them only, as a busy machine makes it (run again with REPEAT=3). Small "
            "sizes are often above 1: start-up and fixed costs spread over few records.", ""] + growth_lines + [""]
    if nonlinear:
        out += ["Nonlinear: " + "; ".join(f"{step} / {tool} ({cpu:.2f} cpu, {wall:.2f} wall)"
                                          for step, tool, cpu, wall in nonlinear) + ".", ""]
    out += ["## Reading", ""] + reading(rows, sizes, steps) + [""]
    size, identical, compared = check
    out += [f"Totals of `ronghe score --indicators … --json` and the reference scorer at {size:,}: "
            f"{identical} of {compared} identical bit for bit.", ""]
    return "\n".join(out)
