#!/usr/bin/env python3
"""Runs chayici's peers, VROOM (pyvroom) and PyVRP, for `chayici bench --peers`.

Subcommands:

  probe                 prints which solvers import; exit 0 when pyvroom does
  vroom PROBLEM.json    solves a problem written by `chayici export --format vroom` and
                        writes VROOM's solution JSON (`chayici import` reads it back)
  classic FILE...       solves Solomon / Gehring & Homberger files with VROOM and PyVRP and
                        prints vehicles, distance, seconds and the gap to bks.csv beside each

Every solution of a classic file is checked here in double precision from the file alone
(time windows, capacity, every customer once), and its distance summed in double precision,
as the best-known solutions are. Both solvers get whole-number data: times and distances
times SCALE, drives rounded up, so that a route feasible for them is feasible in real numbers.
A vehicle costs more than any distance a solution can have (the sum of every customer's
round trip), so both put fewer vehicles first, as the best-known solutions do.

With `--json` each result is one JSON object per line; the bench reads those.
The pure parts (reading, checking, building the problems) need neither package:
`python3 -m unittest discover benches/peers` tests them.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SCALE = 1000
"""Whole units per unit of a classic file: a drive is at most 1/1000 of a unit pessimistic."""


@dataclass
class Node:
    id: int
    x: float
    y: float
    demand: float
    ready: float
    due: float
    service: float


@dataclass
class Classic:
    name: str
    vehicles: int
    capacity: float
    depot: Node
    customers: list


def parse_solomon(text: str) -> Classic:
    """Reads the Solomon format (also Gehring & Homberger's): a name, `NUMBER CAPACITY`,
    then seven numbers per node, the depot first. Keys on the shape of rows, not on words."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise ValueError("the file is empty")
    name, fleet, nodes = lines[0], None, []
    for ln in lines[1:]:
        try:
            nums = [float(t) for t in ln.split()]
        except ValueError:
            continue
        if len(nums) == 2 and fleet is None:
            fleet = (int(nums[0]), nums[1])
        elif len(nums) == 7 and fleet is not None:
            nodes.append(Node(int(nums[0]), *nums[1:]))
        else:
            raise ValueError(f"unexpected row `{ln}`")
    if fleet is None or not nodes:
        raise ValueError("no fleet row or no nodes")
    return Classic(name, fleet[0], fleet[1], nodes[0], nodes[1:])


def read_bks(path: Path) -> dict:
    """`instance,vehicles,distance,…` rows by upper-case name; unreadable rows skipped."""
    out = {}
    if not path.is_file():
        return out
    with path.open(newline="") as f:
        for row in csv.reader(f):
            try:
                out[row[0].strip().upper()] = (int(row[1]), float(row[2]))
            except (IndexError, ValueError):
                continue
    return out


def distance(a: Node, b: Node) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)


def check(inst: Classic, routes: list) -> tuple:
    """Vehicles, double-precision distance and violations of `routes` (customer positions,
    0-based, in driving order)."""
    violations, total = [], 0.0
    seen = [0] * len(inst.customers)
    used = [r for r in routes if r]
    if len(used) > inst.vehicles:
        violations.append(f"{len(used)} vehicles used, {inst.vehicles} available")
    for k, route in enumerate(used):
        at, t, load = inst.depot, inst.depot.ready, 0.0
        for i in route:
            c = inst.customers[i]
            seen[i] += 1
            d = distance(at, c)
            total += d
            t = max(t + d, c.ready)
            if t > c.due + 1e-6:
                violations.append(f"route {k + 1}: customer {c.id} served at {t:.4f} > {c.due}")
            t += c.service
            load += c.demand
            at = c
        d = distance(at, inst.depot)
        total += d
        if t + d > inst.depot.due + 1e-6:
            violations.append(f"route {k + 1}: back at {t + d:.4f} > {inst.depot.due}")
        if load > inst.capacity + 1e-6:
            violations.append(f"route {k + 1}: load {load} > {inst.capacity}")
    violations += [f"customer {inst.customers[i].id} visited {n} times"
                   for i, n in enumerate(seen) if n != 1]
    return len(used), total, violations


def gap_percent(dist: float, bks: float) -> float:
    return (dist - bks) / bks * 100.0


def nodes(inst: Classic) -> list:
    return [inst.depot] + inst.customers


def scaled(inst: Classic) -> tuple:
    """Durations (drives rounded up) and distances (rounded) in whole units, depot first."""
    ns = nodes(inst)
    dur = [[math.ceil(distance(a, b) * SCALE) for b in ns] for a in ns]
    dist = [[round(distance(a, b) * SCALE) for b in ns] for a in ns]
    return dur, dist


def vehicle_cost(inst: Classic) -> int:
    """More than any solution's distance: by the triangle inequality no route is longer than
    its customers' round trips, so fewer vehicles always win."""
    return sum(math.ceil(2 * distance(inst.depot, c) * SCALE) for c in inst.customers) + 1


def vroom_classic_problem(inst: Classic) -> dict:
    """The classic instance as VROOM's JSON problem: service starts in [ready, due]."""
    dur, dist = scaled(inst)
    fixed = vehicle_cost(inst)
    return {
        "vehicles": [
            {"id": k + 1, "profile": "car", "start_index": 0, "end_index": 0,
             "capacity": [math.floor(inst.capacity)],
             "time_window": [math.ceil(inst.depot.ready * SCALE),
                             math.floor(inst.depot.due * SCALE)],
             "costs": {"fixed": fixed}}
            for k in range(inst.vehicles)
        ],
        "jobs": [
            {"id": i + 1, "location_index": i + 1, "service": math.ceil(c.service * SCALE),
             "delivery": [math.ceil(c.demand)],
             "time_windows": [[math.ceil(c.ready * SCALE), math.floor(c.due * SCALE)]]}
            for i, c in enumerate(inst.customers)
        ],
        "matrices": {"car": {"durations": dur, "distances": dist, "costs": dist}},
    }


def routes_from_vroom(solution: dict) -> list:
    """Customer positions per route from a VROOM solution of `vroom_classic_problem`."""
    return [[s["id"] - 1 for s in r["steps"] if s["type"] == "job"]
            for r in solution.get("routes", [])]


def classic_row(solver: str, inst: Classic, routes: list, seconds: float, bks: dict) -> dict:
    vehicles, dist, violations = check(inst, routes)
    best = bks.get(inst.name.strip().upper())
    return {
        "solver": solver, "instance": inst.name, "customers": len(inst.customers),
        "vehicles": vehicles, "distance": dist, "seconds": seconds,
        "bks_vehicles": best[0] if best else None, "bks_distance": best[1] if best else None,
        "gap_percent": gap_percent(dist, best[1]) if best else None,
        "feasible": not violations, "violations": violations[:5],
    }


# --- the solvers: imported only when asked for ---------------------------------------------

def write_problem(problem: dict, path: Path) -> None:
    path.write_text(json.dumps(problem))


def solve_vroom_file(path: Path, level: int, threads: int, timeout: float | None) -> tuple:
    import datetime
    import vroom

    started = time.perf_counter()
    problem = vroom.Input.from_json(str(path))
    kw = {"exploration_level": level, "nb_threads": threads}
    if timeout:
        kw["timeout"] = datetime.timedelta(seconds=timeout)
    solution = problem.solve(**kw)
    seconds = time.perf_counter() - started
    return solution.to_dict(), seconds


def solve_classic_vroom(inst: Classic, level: int, threads: int, timeout: float | None,
                        scratch: Path) -> tuple:
    path = scratch / f"{inst.name.strip()}.vroom.json"
    write_problem(vroom_classic_problem(inst), path)
    solution, seconds = solve_vroom_file(path, level, threads, timeout)
    return routes_from_vroom(solution), seconds


def solve_classic_pyvrp(inst: Classic, time_limit: float, seed: int) -> tuple:
    import pyvrp
    from pyvrp.stop import MaxRuntime

    dur, dist = scaled(inst)
    m = pyvrp.Model()
    locs = [m.add_location(n.x, n.y) for n in nodes(inst)]
    depot = m.add_depot(locs[0], tw_early=math.ceil(inst.depot.ready * SCALE),
                        tw_late=math.floor(inst.depot.due * SCALE))
    m.add_vehicle_type(inst.vehicles, capacity=math.floor(inst.capacity), start_depot=depot,
                       end_depot=depot, fixed_cost=vehicle_cost(inst),
                       tw_early=math.ceil(inst.depot.ready * SCALE),
                       tw_late=math.floor(inst.depot.due * SCALE))
    for c, loc in zip(inst.customers, locs[1:]):
        m.add_client(loc, delivery=math.ceil(c.demand),
                     service_duration=math.ceil(c.service * SCALE),
                     tw_early=math.ceil(c.ready * SCALE), tw_late=math.floor(c.due * SCALE))
    for i, a in enumerate(locs):
        for j, b in enumerate(locs):
            m.add_edge(a, b, dist[i][j], dur[i][j])
    started = time.perf_counter()
    result = m.solve(MaxRuntime(time_limit), seed=seed, display=False)
    seconds = time.perf_counter() - started
    # A client activity's `idx` is the client's own index, in the order they were added.
    routes = [[a.idx for a in r.schedule() if a.is_client()] for r in result.best.routes()]
    return routes, seconds


# --- command line ---------------------------------------------------------------------------

def importable(name: str) -> bool:
    try:
        __import__(name)
        return True
    except ImportError:
        return False


def cmd_probe(_args) -> int:
    found = {"vroom": importable("vroom"), "pyvrp": importable("pyvrp")}
    print(json.dumps(found))
    return 0 if found["vroom"] else 3


def cmd_vroom(args) -> int:
    solution, seconds = solve_vroom_file(Path(args.problem), args.level, args.threads,
                                         args.timeout)
    Path(args.out).write_text(json.dumps(solution) + "\n")
    summary = solution.get("summary", {})
    print(json.dumps({"solver": "vroom", "seconds": seconds, "cost": summary.get("cost"),
                      "routes": summary.get("routes"),
                      "unassigned": summary.get("unassigned")}))
    return 0


def cmd_classic(args) -> int:
    import tempfile

    solvers = [s for s in args.solvers.split(",") if s]
    rows = []
    with tempfile.TemporaryDirectory(prefix="peers-") as scratch:
        for file in args.files:
            path = Path(file)
            inst = parse_solomon(path.read_text())
            bks = read_bks(path.parent / "bks.csv")
            for solver in solvers:
                if solver == "vroom":
                    routes, secs = solve_classic_vroom(inst, args.level, args.threads,
                                                       args.time_limit, Path(scratch))
                elif solver == "pyvrp":
                    routes, secs = solve_classic_pyvrp(inst, args.time_limit or 10.0, args.seed)
                else:
                    print(f"unknown solver `{solver}`", file=sys.stderr)
                    return 2
                row = classic_row(solver, inst, routes, secs, bks)
                rows.append(row)
                if args.json:
                    print(json.dumps(row), flush=True)
                else:
                    gap = "–" if row["gap_percent"] is None else f"{row['gap_percent']:+.2f}"
                    print(f"{solver:6} {row['instance']:10} vehicles {row['vehicles']:3} "
                          f"(best {row['bks_vehicles']}) distance {row['distance']:10.2f} "
                          f"gap {gap:>7} % {secs:7.2f} s "
                          f"{'feasible' if row['feasible'] else 'INFEASIBLE'}", flush=True)
    return 0 if all(r["feasible"] for r in rows) else 1


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("probe", help="which solvers import")
    v = sub.add_parser("vroom", help="solve an exported chayici workspace with VROOM")
    v.add_argument("problem")
    v.add_argument("--out", required=True)
    v.add_argument("--level", type=int, default=5, help="VROOM exploration level (0-5)")
    v.add_argument("--threads", type=int, default=2)
    v.add_argument("--timeout", type=float, default=None, help="seconds")
    c = sub.add_parser("classic", help="Solomon / Gehring & Homberger files")
    c.add_argument("files", nargs="+")
    c.add_argument("--solvers", default="vroom,pyvrp")
    c.add_argument("--time-limit", type=float, default=None,
                   help="seconds per instance (PyVRP: 10 when not given; VROOM: none)")
    c.add_argument("--level", type=int, default=5)
    c.add_argument("--threads", type=int, default=2)
    c.add_argument("--seed", type=int, default=1)
    c.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    return {"probe": cmd_probe, "vroom": cmd_vroom, "classic": cmd_classic}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
