#!/usr/bin/env python3
"""An independent reference scorer for Ronghe's benchmark, written with pandas and numpy.

It reads a batch CSV of surveys (the layout `ronghe generate` writes), scores every enterprise
against an indicator tree with the same rules as Ronghe (linear, steps, choice, yes-no, share,
points and ratio leaves; zero / respread / industry-median missing policies; re-spread weights;
stages; vetoes; competition ranks on unrounded totals) and writes uscc,total,stage,rank.

It shares no code with Ronghe: it is both the benchmark's peer and a cross-check of the engine's
numbers. Batch-relative rules, entropy weights and geometric means are not implemented (the
default tree uses none of them); a tree that has them is refused.

usage: reference_scorer.py TREE.json SURVEYS.csv [OUT.csv]

It prints one JSON line with the seconds spent reading (the tree and the CSV) and scoring, the CPU
seconds of both, and the number of enterprises. Without OUT.csv it only reads, scores and times:
the benchmark's mode.
"""
import functools
import json
import math
import operator
import re
import sys
import time
import unicodedata

import numpy as np
import pandas as pd

NA_WORDS = {"不适用", "不涉及", "n/a", "na", "notapplicable", "无此项"}
YES = {"是", "有", "y", "yes", "true", "t", "1", "√", "✓", "对"}
NO = {"否", "无", "没有", "不是", "n", "no", "false", "f", "0", "×", "✗"}
NONE_WORDS = {"无", "没有", "none", "无以上", "都没有", "均无"}
PROFILE_KEYS = {
    "uscc": ["uscc", "统一社会信用代码", "社会信用代码", "信用代码"],
    "name": ["name", "企业名称", "单位名称"],
    "district": ["district", "所属区县", "区县", "行政区划代码"],
    "industry": ["industry", "所属行业", "行业", "行业代码"],
    "size": ["size", "企业规模", "规模"],
    "employees": ["employees", "从业人员", "从业人员数", "职工人数"],
    "revenue": ["revenue", "营业收入", "主营业务收入"],
    "year": ["year", "填报年度", "年度"],
}
SECTIONS = [("A", 1, 5), ("B", 6, 12), ("C", 13, 43), ("D", 44, 46), ("E", 47, 50), ("F", 51, 52), ("G", 53, 60),
            ("H", 61, 62), ("I", 63, 65), ("J", 66, 69), ("K", 70, 70), ("L", 71, 72), ("M", 73, 75), ("N", 76, 79),
            ("O", 80, 82), ("P", 83, 83), ("Q", 84, 85), ("R", 86, 90), ("S", 91, 96), ("T", 97, 97)]


def fold(text):
    return unicodedata.normalize("NFKC", str(text)).replace("\u2212", "-").strip()


def match_key(text):
    out, depth = [], 0
    for ch in fold(text).lower():
        if ch in "([【":
            depth += 1
        elif ch in ")]】":
            depth = max(0, depth - 1)
        elif depth == 0 and not ch.isspace() and ch not in "。:":
            out.append(ch)
    return "".join(out)


def read_table(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    from io import StringIO
    frame = pd.read_csv(StringIO(text), dtype=str, keep_default_na=False, header=None)
    # The header is the first of the first ten rows with at least two profile columns.
    aliases = {match_key(a): field for field, names in PROFILE_KEYS.items() for a in names}
    for index in range(min(10, len(frame))):
        if sum(1 for cell in frame.iloc[index] if match_key(cell) in aliases) >= 2:
            header = list(frame.iloc[index])
            return frame.iloc[index + 1:].reset_index(drop=True), header, aliases
    raise SystemExit(f"{path}: no header row")


def map_columns(header, tree, aliases):
    ids = {match_key(q["id"]): q["id"] for q in tree["questions"]}
    labels = {}
    for q in tree["questions"]:
        labels[match_key(q["label"]["zh"])] = q["id"]
        if "en" in q["label"]:
            labels[match_key(q["label"]["en"])] = q["id"]
    mapping = {}
    for column, title in enumerate(header):
        key = match_key(title)
        if key in ids:
            mapping[ids[key]] = column
        elif key in aliases:
            mapping[aliases[key]] = column
        elif key in labels:
            mapping[labels[key]] = column
        else:
            token = re.match(r"[A-Za-z0-9._-]+", fold(title))
            if token and token.group(0).lower() in ids and len(token.group(0)) < len(fold(title)):
                mapping[ids[token.group(0).lower()]] = column
    return mapping


def parse_number(text, unit=None):
    s = "".join(fold(text).split())
    percent = s.endswith("%")
    if percent:
        s = s[:-1]
    else:
        for suffix in [u for u in [unit, "万元", "元", "人", "台", "个", "项", "对"] if u]:
            if s.endswith(suffix) and len(s) > len(suffix):
                s = s[: -len(suffix)]
                break
    if "," in s:
        if not re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?", s):
            return None, False
        s = s.replace(",", "")
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", s):
        return None, False
    value = float(s)
    return (value if math.isfinite(value) else None), percent


class Answers:
    """The parsed answers of every question: numbers as float arrays (NaN = blank), codes as lists."""

    def __init__(self, frame, tree, mapping):
        self.n = len(frame)
        self.values, self.na = {}, {}
        for q in tree["questions"]:
            column = mapping.get(q["id"])
            cells = frame.iloc[:, column] if column is not None else pd.Series([""] * self.n)
            keys = cells.map(match_key)
            self.na[q["id"]] = keys.isin(NA_WORDS).to_numpy()
            self.values[q["id"]] = self.parse(q, cells, keys)

    def parse(self, q, cells, keys):
        kind = q["type"]
        if kind in ("number", "percent"):
            unit = q.get("unit", {}).get("zh")
            fraction = q.get("percentScale") == "fraction"
            out = np.full(self.n, np.nan)
            for i, cell in enumerate(cells):
                if cell.strip() == "":
                    continue
                value, percent = parse_number(cell, unit)
                if value is not None:
                    out[i] = value * 100 if (fraction and not percent) else value
            return out
        if kind == "yes-no":
            return np.where(keys.isin(YES), 1.0, np.where(keys.isin(NO), 0.0, np.nan))
        options = {}
        for o in q.get("options", []):
            for name in [o["code"], o["label"]["zh"], o["label"].get("en", o["code"])] + o.get("aliases", []):
                options[match_key(name)] = o["code"]
        if kind == "choice":
            return [options.get(k) for k in keys]
        if kind == "multi-choice":
            result = []
            for cell, key in zip(cells, keys):
                if cell.strip() == "" or key in NA_WORDS:
                    result.append(None)
                elif key in options:
                    result.append([options[key]])
                elif key in NONE_WORDS:
                    result.append([])
                else:
                    pieces = []
                    for piece in re.split(r"[;,|\n\r]", fold(cell)):
                        pieces += [piece] if match_key(piece) in options else piece.split("、")
                    codes = {options.get(match_key(p)) for p in pieces if p.strip()}
                    result.append(None if None in codes else sorted(codes))
            return result
        return [None] * self.n


def condition_holds(cond, answers, profile, row, nodes=None, completeness=None, inapplicable=()):
    if "all" in cond:
        return all(condition_holds(c, answers, profile, row, nodes, completeness, inapplicable) for c in cond["all"])
    if "any" in cond:
        return any(condition_holds(c, answers, profile, row, nodes, completeness, inapplicable) for c in cond["any"])
    if "not" in cond:
        return not condition_holds(cond["not"], answers, profile, row, nodes, completeness, inapplicable)
    if "flag" in cond:
        return False
    if "question" in cond:
        qid = cond["question"]
        value = None if qid in inapplicable or answers.na[qid][row] else answers.values[qid][row]
        if isinstance(value, float) and math.isnan(value):
            value = None
    elif "node" in cond:
        value = nodes.get(cond["node"])
    elif "metric" in cond:
        value = completeness
    else:
        value = profile.get(cond["profile"])
    if value is None:
        return cond.get("answered") is False
    for test, expected in cond.items():
        if test in ("question", "node", "metric", "profile"):
            continue
        if test == "equals":
            if expected in ("yes", "no") and isinstance(value, float):
                ok = value == (1.0 if expected == "yes" else 0.0)
            else:
                ok = value == expected
        elif test == "in":
            ok = value in expected
        elif test == "atLeast":
            ok = value >= expected
        elif test == "below":
            ok = value < expected
        elif test == "above":
            ok = value > expected
        elif test == "atMost":
            ok = value <= expected
        elif test == "answered":
            ok = expected
        else:
            raise SystemExit(f"condition test {test} not implemented")
        if not ok:
            return False
    return True


def score(tree, frame, mapping):
    answers = Answers(frame, tree, mapping)
    n = answers.n
    col = lambda field: frame.iloc[:, mapping[field]] if field in mapping else pd.Series([""] * n)
    employees = np.array([parse_number(c)[0] if c.strip() else np.nan for c in col("employees")], dtype=float)
    revenue = np.array([parse_number(c)[0] if c.strip() else np.nan for c in col("revenue")], dtype=float)
    industries = []
    for cell in col("industry"):
        code = "".join(fold(cell).split()).upper()
        digits = code[1:] if code[:1].isalpha() else code
        division = int(digits[:2])
        section = next(s for s, lo, hi in SECTIONS if lo <= division <= hi)
        industries.append(f"{section}{division:02d}")
    industries = np.array(industries)
    questions = {q["id"]: q for q in tree["questions"]}

    # Applicability, in dependency order (conditions here read only unconditional questions).
    inapplicable = [set() for _ in range(n)]
    for q in tree["questions"]:
        if "applicableWhen" in q:
            for row in range(n):
                if not condition_holds(q["applicableWhen"], answers, {}, row):
                    inapplicable[row].add(q["id"])

    leaves, order = {}, []

    def walk(node, parent):
        order.append((node, parent))
        for child in node.get("children", []):
            walk(child, node)

    walk(tree["tree"], None)
    default_missing = tree.get("defaults", {}).get("missing", "zero")

    def operand(spec):
        if isinstance(spec, dict) and "profile" in spec:
            return {"employees": employees, "revenue": revenue}[spec["profile"]]
        return answers.values[spec if isinstance(spec, str) else spec["question"]]

    scored_questions = []
    for node, _ in order:
        rule = node.get("rule")
        if rule is None:
            continue
        kind = rule["kind"]
        qids = [rule["question"]] if "question" in rule else [s for s in (rule["numerator"], rule["denominator"]) if isinstance(s, str)]
        for qid in qids:
            if qid not in scored_questions:
                scored_questions.append(qid)
        na = np.array([any(q in inapplicable[r] or answers.na[q][r] for q in qids) for r in range(n)])
        s = np.full(n, np.nan)
        if kind in ("linear", "ratio"):
            if kind == "linear":
                x = answers.values[rule["question"]]
            else:
                top, bottom = operand(rule["numerator"]), operand(rule["denominator"])
                with np.errstate(divide="ignore", invalid="ignore"):
                    x = np.where(bottom == 0, np.nan, rule.get("scale", 1) * top / bottom)
            low, high = rule["low"], rule["high"]
            fraction = (x - low) / (high - low) if rule.get("direction", "higher") == "higher" else (high - x) / (high - low)
            s = 100 * np.clip(fraction, 0, 1)
        elif kind == "steps":
            x = answers.values[rule["question"]]
            for r in range(n):
                if not math.isnan(x[r]):
                    s[r] = rule.get("below", 0)
                    for step in rule["steps"]:
                        if step["from"] <= x[r]:
                            s[r] = step["score"]
        elif kind == "yes-no":
            x = answers.values[rule["question"]]
            s = np.where(np.isnan(x), np.nan, np.where(x == 1, rule.get("yes", 100), rule.get("no", 0)))
        elif kind == "choice":
            s = np.array([rule["scores"].get(c, np.nan) if c is not None else np.nan for c in answers.values[rule["question"]]])
        elif kind in ("share", "points"):
            total = rule.get("outOf") or len(questions[rule["question"]]["options"])
            for r, codes in enumerate(answers.values[rule["question"]]):
                if codes is not None:
                    s[r] = min(100, 100 * len(codes) / total) if kind == "share" else min(100, sum(rule["points"].get(c, 0) for c in codes))
        else:
            raise SystemExit(f"rule kind {kind} is not implemented by the reference scorer")
        s = np.asarray(s, dtype=float)
        s[na] = np.nan
        missing = np.isnan(s) & ~na
        policy = node.get("missing", default_missing)
        if policy == "zero":
            s[missing] = 0
        elif policy == "industry-median":
            answered = ~np.isnan(s)
            overall = np.median(s[answered]) if answered.any() else None
            medians = {i: np.median(s[answered & (industries == i)]) for i in set(industries[answered])}
            for r in np.where(missing)[0]:
                value = medians.get(industries[r], overall)
                s[r] = 0 if value is None else value
        leaves[node["id"]] = s

    def aggregate(node):
        if "rule" in node:
            return leaves[node["id"]]
        weighting = node.get("weighting", "explicit")
        if weighting not in ("explicit", "equal") or node.get("aggregation", "arithmetic") != "arithmetic":
            raise SystemExit(f"node {node['id']}: weighting {weighting} is not implemented by the reference scorer")
        # The same operations in the same order as Ronghe's NodeAggregator, so totals agree bit for
        # bit: weights normalised within the node, re-spread over the children that have a score,
        # then a weighted sum in child order.
        children = [aggregate(c) for c in node["children"]]
        if weighting == "explicit":
            raw = [float(c.get("weight", 0.0)) for c in node["children"]]
            total = functools.reduce(operator.add, raw, 0.0)
            weights = [w / total for w in raw] if total > 0 else raw
        else:
            weights = [1 / len(children)] * len(children)
        present_weight = np.zeros(n)
        for column, weight in zip(children, weights):
            present_weight += np.where(np.isnan(column), 0.0, weight)
        result = np.zeros(n)
        with np.errstate(invalid="ignore", divide="ignore"):
            for column, weight in zip(children, weights):
                result += np.where(np.isnan(column), 0.0, (weight / present_weight) * column)
        result[~(present_weight > 0)] = np.nan
        nodes[node["id"]] = np.clip(result, 0, 100)
        return nodes[node["id"]]

    nodes = {}
    totals = np.nan_to_num(aggregate(tree["tree"]), nan=0.0)
    nodes.update(leaves)

    applicable = np.zeros(n)
    answered = np.zeros(n)
    for qid in scored_questions:
        values = answers.values[qid]
        has = np.array([(v is not None) and not (isinstance(v, float) and math.isnan(v)) for v in values])
        for r in range(n):
            if qid in inapplicable[r] or answers.na[qid][r]:
                continue
            applicable[r] += 1
            answered[r] += has[r]
    completeness = np.where(applicable == 0, 1.0, answered / np.maximum(applicable, 1))

    stages, vetoes = [], []
    for r in range(n):
        node_scores = {k: v[r] for k, v in nodes.items() if not math.isnan(v[r])}
        stage = None
        for candidate in tree.get("stages", []):
            requirement = candidate.get("requires")
            if totals[r] >= candidate["minimumTotal"] and (
                    requirement is None or condition_holds(requirement, answers, {}, r, node_scores, completeness[r], inapplicable[r])):
                stage = candidate["id"]
        stages.append(stage)
        vetoes.append(";".join(v["id"] for v in tree.get("vetoes", [])
                               if condition_holds(v["when"], answers, {}, r, node_scores, completeness[r], inapplicable[r])))
    ranked = completeness >= tree.get("ranking", {}).get("minimumCompleteness", 0.6)
    ranks = pd.Series(np.where(ranked, totals, np.nan)).rank(method="min", ascending=False)
    return totals, stages, vetoes, ranks, completeness


def main():
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__.split("\n\n")[-2])
    tree_path, csv_path = sys.argv[1:3]
    out_path = sys.argv[3] if len(sys.argv) == 4 else None
    started, cpu_started = time.perf_counter(), time.process_time()
    tree = json.load(open(tree_path, encoding="utf-8"))
    frame, header, aliases = read_table(csv_path)
    mapping = map_columns(header, tree, aliases)
    read = time.perf_counter()
    totals, stages, vetoes, ranks, completeness = score(tree, frame, mapping)
    scored, cpu_scored = time.perf_counter(), time.process_time()
    if out_path is not None:
        write_scores(out_path, frame, mapping, totals, stages, vetoes, ranks, completeness)
    print(json.dumps({"read_seconds": read - started, "score_seconds": scored - read,
                      "cpu_seconds": cpu_scored - cpu_started, "count": len(frame)}))


def write_scores(out_path, frame, mapping, totals, stages, vetoes, ranks, completeness):
    uscc = frame.iloc[:, mapping["uscc"]].map(lambda c: "".join(fold(c).upper().split()))
    out = pd.DataFrame({"uscc": uscc, "total": [repr(float(t)) for t in totals], "stage": stages,
                        "vetoes": vetoes, "rank": [("" if math.isnan(k) else str(int(k))) for k in ranks],
                        "completeness": [repr(float(c)) for c in completeness]})
    out.sort_values("uscc").to_csv(out_path, index=False)


if __name__ == "__main__":
    main()
