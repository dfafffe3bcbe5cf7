#!/usr/bin/env python3
"""The coordinated lottery (`chayici draw`) measured against independent draws.

1. Visits: on a generated county (`chayici gen --profile county`), its own plans removed, the
   departments draw at realistic ratios by grade; for each of SEEDS seeds, coordinated and
   `--independent`, the draw is planned (`plan --iterations N --no-milp`, the same budget for
   both) and the plan's visits, joint visits and joint-inspection share are read from
   plan.json. Prints mean and standard deviation of each, and the overlap of the draws.
2. The tool against its documented method: for those seeds, every number in draw.json and
   every selection are recomputed here from the method the README gives (SHA-256 of
   `seed|credit_code`), without chayici's code.
3. Unbiasedness: over UNBIASED_SEEDS seeds (default 10,000), the method's selection per
   department and firm, coordinated and independent, against each firm's ratio: the largest
   binomial z-score over all (department, firm) cells, the share of cells with |z| > 3, and a
   chi-square over all cells with its degrees of freedom.

Usage: benches/draw/run.py CHAYICI_BINARY WORKDIR [--seeds 20] [--iterations 300]
       [--unbiased-seeds 10000]
"""
import argparse, csv, hashlib, json, math, shutil, statistics, subprocess, sys, time
from pathlib import Path

# Realistic yearly ratios by credit/risk grade (A ≤ 5%, B 5–20%, C 21–60%, D 61–100% a year),
# scaled to a month's share of them for a month's draw.
RATIOS = {
    "scjg": ("食品安全抽查", 30, {"A": 0.02, "B": 0.05, "C": 0.12, "D": 0.25}),
    "xfjy": ("消防安全抽查", 30, {"A": 0.02, "B": 0.04, "C": 0.10, "D": 0.25}),
    "yjgl": ("安全生产抽查", 40, {"A": 0.01, "B": 0.04, "C": 0.10, "D": 0.20}),
    "sthj": ("排污许可抽查", 40, {"A": 0.01, "B": 0.03, "C": 0.08, "D": 0.20}),
    "wsjk": ("公共卫生抽查", 20, {"A": 0.01, "B": 0.03, "C": 0.06, "D": 0.15}),
}


def run(*args):
    p = subprocess.run([str(a) for a in args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed:\n{p.stdout}\n{p.stderr}")
    return p.stdout


def number(seed: str, key: str) -> float:
    k = int.from_bytes(hashlib.sha256(f"{seed}|{key}".encode()).digest()[:8], "big") >> 11
    return (k + 0.5) / 2**53


def method(seed, firms, independent):
    """(department, firm_id) drawn by the documented method (Poisson, no exclusions)."""
    out = set()
    for d, (_, _, ratio) in RATIOS.items():
        for f in firms:
            p = ratio.get(f["risk"], 0.0)
            key = f"{d}|{f['firm_id']}" if independent else f["firm_id"]
            if number(seed, key) < p:
                out.add((d, f["firm_id"]))
    return out


def workspace(binary, root: Path) -> Path:
    base = root / "county"
    if not base.exists():
        run(binary, "gen", "--profile", "county", "--out", base)
        shutil.rmtree(base / "plans")
        (base / "plans").mkdir()
        with open(base / "sampling.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["department", "grade", "ratio", "item", "minutes"])
            for d, (item, minutes, ratio) in RATIOS.items():
                for g, r in ratio.items():
                    w.writerow([d, g, r, item, minutes])
    return base


def mean_sd(xs):
    return statistics.mean(xs), (statistics.stdev(xs) if len(xs) > 1 else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("workdir")
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--unbiased-seeds", type=int, default=10000)
    a = ap.parse_args()
    root = Path(a.workdir)
    root.mkdir(parents=True, exist_ok=True)
    base = workspace(a.binary, root)
    firms = list(csv.DictReader(open(base / "firms.csv", encoding="utf-8")))
    figures = {"coordinated": [], "independent": []}
    t0 = time.perf_counter()
    for s in range(a.seeds):
        seed = f"bench-{s}"
        for mode in figures:
            ws = root / f"{mode}-{s}"
            out = root / f"{mode}-{s}-plan"
            shutil.rmtree(ws, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(base, ws)
            extra = ["--independent"] if mode == "independent" else []
            run(a.binary, "draw", ws, "--seed", seed, "--date", "2026-11-30", *extra)
            record = json.load(open(ws / "draw.json", encoding="utf-8"))
            drawn = {(x["department"], x["firm_id"]) for x in record["selection"]}
            if drawn != method(seed, firms, mode == "independent"):
                sys.exit(f"seed {seed} {mode}: chayici's selection differs from the method")
            for n in record["numbers"]:
                key = f"{n['department']}|{n['firm_id']}" if "department" in n else n["firm_id"]
                if n["u"] != number(seed, key):
                    sys.exit(f"seed {seed} {mode}: number of {key} differs from the method")
            run(a.binary, "plan", ws, "--out", out, "--iterations", a.iterations, "--no-milp")
            plan = json.load(open(out / "plan.json", encoding="utf-8"))
            overall = plan["statistics"]["overall"]
            figures[mode].append({
                "tasks": plan["kpis"]["tasks"],
                "overlap": record["overlap"],
                "firms": record["firms_drawn"],
                "visits": plan["kpis"]["visits"],
                "joint_visits": overall["joint_visits"],
                "joint_share": overall["joint_share_percent"],
                "unscheduled": plan["kpis"]["unscheduled"],
            })
            shutil.rmtree(ws)
            shutil.rmtree(out)
    print(f"Visits over {a.seeds} seeds (`plan --iterations {a.iterations} --no-milp`), "
          f"{len(firms)} firms, {time.perf_counter() - t0:.0f} s; mean ± standard deviation; "
          f"every number and selection of chayici equal to the documented method.\n")
    print("| draw | inspections (tasks) | firms drawn | drawn by ≥ 2 departments | visits | "
          "joint visits | joint-inspection share % | unscheduled |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for mode, rows in figures.items():
        cells = []
        for k in ["tasks", "firms", "overlap", "visits", "joint_visits", "joint_share",
                  "unscheduled"]:
            m, sd = mean_sd([r[k] for r in rows])
            cells.append(f"{m:.1f} ± {sd:.1f}")
        print(f"| {mode} | " + " | ".join(cells) + " |")
    pairs = zip(figures["coordinated"], figures["independent"])
    fewer = [i["visits"] - c["visits"] for c, i in pairs]
    print(f"\nVisits saved by coordination, per seed: min {min(fewer)}, "
          f"mean {statistics.mean(fewer):.1f}, max {max(fewer)}.\n")

    t0 = time.perf_counter()
    n = a.unbiased_seeds
    for independent in (False, True):
        count = {}
        for s in range(n):
            for cell in method(f"unbiased-{s}", firms, independent):
                count[cell] = count.get(cell, 0) + 1
        zmax, over3, chi2, cells = 0.0, 0, 0.0, 0
        for d, (_, _, ratio) in RATIOS.items():
            for f in firms:
                p = ratio.get(f["risk"], 0.0)
                if p <= 0 or p >= 1:
                    continue
                k = count.get((d, f["firm_id"]), 0)
                z = (k - n * p) / math.sqrt(n * p * (1 - p))
                zmax = max(zmax, abs(z))
                over3 += abs(z) > 3
                chi2 += z * z
                cells += 1
        # Wilson–Hilferty: the chi-square's p-value from a normal approximation.
        zw = ((chi2 / cells) ** (1 / 3) - (1 - 2 / (9 * cells))) / math.sqrt(2 / (9 * cells))
        pval = 0.5 * math.erfc(zw / math.sqrt(2))
        mode = "independent" if independent else "coordinated"
        print(f"Unbiasedness, {mode}, {n} seeds: {cells} (department, firm) cells; "
              f"largest |z| {zmax:.2f}; |z| > 3 in {over3} cells "
              f"(expected {cells * 0.0027:.1f}); chi-square {chi2:.0f} on {cells} degrees of "
              f"freedom, p = {pval:.3f}.")
    print(f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
