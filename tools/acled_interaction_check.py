#!/usr/bin/env python3
"""Runs the checks of acledR's acled_transform_interaction() (ACLED's R package,
R/acled_transform_interaction.R) on an ACLED export (`eventmill events --format acled`), so a file
that would make it stop is caught here. Usage: acled_interaction_check.py FILE.csv

What the R function does, and what this reproduces:
  1. stop() unless the columns inter1, inter2 and interaction exist;
  2. `if (max(df$inter1 > 8) | max(df$inter2) > 8 | min(df$inter1 < 0 | min(df$inter2) < 0)) stop(...)`:
     read.csv reads an empty or non-numeric cell of a numeric column as NA (or the column as text),
     max() of anything with an NA is NA, and `if (NA)` stops with "missing value where TRUE/FALSE
     needed" - so every inter1/inter2 must be an integer, and within 0..8;
  3. left_join() of inter1 and inter2 with acled_interaction_codes ("Numeric Code" 1..8; ACLED's
     own data has inter2 = 0 for an event with one actor): a code outside gives NA labels;
  4. the interaction recoding: "10".."80" are the sole-actor codes, any other two digits are two
     actor types (e.g. 17 -> "State Forces-Civilians").
Beyond the function (ACLED's codebook): interaction is the two codes lower first, or inter1 * 10.
Exit status 1 with the first offending rows named.
"""
import csv
import sys


def check(path):
    problems = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        columns = reader.fieldnames or []
    for col in ("inter1", "inter2", "interaction"):
        if col not in columns:
            return ["The input dataframe does not contain '%s' column" % col]
    for n, r in enumerate(rows, start=2):
        where = "%s line %d (%s)" % (path, n, r.get("event_id_cnty", "?"))
        try:
            i1, i2, ia = int(r["inter1"]), int(r["inter2"]), int(r["interaction"])
        except ValueError:
            problems.append("%s: inter1/inter2/interaction not integers (%r, %r, %r): R reads NA and "
                            "`if (NA)` stops" % (where, r["inter1"], r["inter2"], r["interaction"]))
            continue
        if not 1 <= i1 <= 8:
            problems.append("%s: inter1 %d is not an ACLED actor type 1..8" % (where, i1))
        if not 0 <= i2 <= 8:
            problems.append("%s: inter2 %d is not 0 (no actor 2) or an ACLED actor type 1..8" % (where, i2))
        want = i1 * 10 if i2 == 0 else min(i1, i2) * 10 + max(i1, i2)
        if ia != want:
            problems.append("%s: interaction %d, but inter1 %d and inter2 %d make %d" % (where, ia, i1, i2, want))
        if (i2 == 0) != (r.get("actor2", "") == ""):
            problems.append("%s: inter2 %d with actor2 %r" % (where, i2, r.get("actor2", "")))
        if not r.get("actor1"):
            problems.append("%s: no actor1" % where)
    return problems


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    problems = check(sys.argv[1])
    for p in problems[:20]:
        print(p, file=sys.stderr)
    if problems:
        print("%d problems" % len(problems), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
