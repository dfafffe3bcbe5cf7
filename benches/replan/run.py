#!/usr/bin/env python3
"""Replanning mid-month, measured side by side with planning the same month from scratch.

For each workspace: plan the month; mark every visit before the replanning date done
(done.csv), keep one team home for two days (absences.csv), add a late plan of 20 tasks with
three-day windows; then replan from the date (`plan --keep`) and plan the changed workspace
from scratch. Prints one markdown row per workspace: fixed visits kept, tasks moved, later
visits kept as they were, new tasks scheduled, visits and km against the plan from scratch,
and the wall-clock time of both runs.

Usage: benches/replan/run.py CHAYICI_BINARY WORKDIR [--iterations N]
"""
import csv, json, random, shutil, subprocess, sys, time
from pathlib import Path

FROM = "2026-12-10"
ABSENT = ["2026-12-14", "2026-12-15"]


def run(*args):
    t = time.perf_counter()
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed:\n{p.stdout}\n{p.stderr}")
    return time.perf_counter() - t, p.stdout


def late_plan(ws: Path, rng: random.Random):
    firms = list(csv.DictReader(open(ws / "firms.csv", encoding="utf-8")))
    teams = list(csv.DictReader(open(ws / "teams.csv", encoding="utf-8")))
    depts = sorted({d for t in teams for d in t["departments"].split(";") if d})
    rows = []
    for i in range(20):
        f = rng.choice(firms)
        start = rng.randint(14, 26)
        rows.append({
            "task_id": f"LATE-{i + 1:02d}", "department": rng.choice(depts),
            "firm_id": f["firm_id"], "firm_name": f["name"], "item": "投诉核查",
            "earliest": f"2026-12-{start:02d}", "latest": f"2026-12-{start + 2:02d}",
            "minutes": rng.choice([30, 40, 60]), "priority": "mandatory", "source": "投诉",
        })
    with open(ws / "plans" / "late.csv", "w", newline="", encoding="utf-8") as out:
        w = csv.DictWriter(out, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return [r["task_id"] for r in rows]


def main():
    binary, work = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    iters = sys.argv[sys.argv.index("--iterations") + 1] if "--iterations" in sys.argv else "2000"
    root = Path(__file__).resolve().parents[2]
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    run(binary, "gen", "--profile", "county", "--seed", "1", "--out", work / "county")
    shutil.copytree(root / "data" / "demo-changshan", work / "demo")
    print("| workspace | changes before the date | tasks moved | later visits kept | new tasks scheduled "
          "| visits replan / scratch | km replan / scratch | time replan / scratch |")
    print("|---|---|---|---|---|---|---|---|")
    for name in ["demo", "county"]:
        ws = work / name
        it = ["--iterations", iters, "--quiet"]
        run(binary, "plan", ws, "--out", work / f"{name}-month", *it)
        month = json.load(open(work / f"{name}-month" / "plan.json", encoding="utf-8"))
        with open(ws / "done.csv", "w", newline="", encoding="utf-8") as out:
            w = csv.writer(out)
            w.writerow(["task_id", "status", "date", "note"])
            for r in month["routes"]:
                if r["date"] < FROM:
                    for v in r["visits"]:
                        for t in v["task_ids"]:
                            w.writerow([t, "done", r["date"], ""])
        team = sorted({r["team_id"] for r in month["routes"]})[2]
        with open(ws / "absences.csv", "w", newline="", encoding="utf-8") as out:
            w = csv.writer(out)
            w.writerow(["team_id", "date", "reason"])
            for d in ABSENT:
                w.writerow([team, d, "病假"])
        late = late_plan(ws, random.Random(7))
        t_re, _ = run(binary, "plan", ws, "--keep", work / f"{name}-month", "--from", FROM,
                      "--out", work / f"{name}-replan", *it)
        t_sc, _ = run(binary, "plan", ws, "--out", work / f"{name}-scratch", *it)
        run(binary, "verify", ws, work / f"{name}-replan")
        _, d = run(binary, "diff", work / f"{name}-month", work / f"{name}-replan", "--format", "json")
        d = json.loads(d)
        re = json.load(open(work / f"{name}-replan" / "plan.json", encoding="utf-8"))
        sc = json.load(open(work / f"{name}-scratch" / "plan.json", encoding="utf-8"))
        unscheduled = {u["task_id"] for u in re["unscheduled"]}
        scheduled_late = sum(1 for t in late if t not in unscheduled)
        scratch_late = sum(1 for t in late if t not in {u["task_id"] for u in sc["unscheduled"]})
        # Later visits the plan could keep: those not on the absent team's days.
        later = [(r["team_id"], r["date"], tuple(sorted(v["task_ids"])))
                 for r in month["routes"] if r["date"] >= FROM for v in r["visits"]]
        untouched = [x for x in later if not (x[0] == team and x[1] in ABSENT)]
        now = {(r["team_id"], r["date"], tuple(sorted(v["task_ids"])))
               for r in re["routes"] for v in r["visits"]}
        kept = sum(1 for x in untouched if x in now)
        before = d["totals"]["changes_before_from"]
        print(f"| {name} | {before} (verify OK) | {re['objective'].get('moved_tasks', 0)} "
              f"| {kept}/{len(untouched)} ({100 * kept / max(1, len(untouched)):.1f} %) "
              f"| {scheduled_late}/20 (scratch {scratch_late}/20) "
              f"| {re['kpis']['visits']} / {sc['kpis']['visits']} "
              f"| {re['kpis']['travel_km']:.1f} / {sc['kpis']['travel_km']:.1f} "
              f"| {t_re:.1f} s / {t_sc:.1f} s |")
        sys.stderr.write(f"{name}: stability as chayici diff counts it "
                         f"{d['totals']['stability_percent']} %\n")


if __name__ == "__main__":
    main()
