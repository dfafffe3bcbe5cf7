"""Tests of the peers script's pure parts; they need neither pyvroom nor PyVRP:
`python3 -m unittest discover benches/peers`."""

import json
import tempfile
import unittest
from pathlib import Path

import peers

TINY = ("T1\r\n\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n  2   10\r\n\r\nCUSTOMER\r\n"
        "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\r\n \r\n"
        "0 0 0 0 0 100 0\r\n1 3 4 5 0 50 2\r\n2 6 8 5 10 12 2\r\n")


class PureParts(unittest.TestCase):
    def test_reads_fleet_depot_and_customers(self):
        s = peers.parse_solomon(TINY)
        self.assertEqual((s.name, s.vehicles, s.capacity), ("T1", 2, 10.0))
        self.assertEqual(len(s.customers), 2)
        self.assertEqual(peers.distance(s.depot, s.customers[0]), 5.0)

    def test_the_checker_sums_exact_distances_and_finds_late_service(self):
        s = peers.parse_solomon(TINY)
        vehicles, dist, bad = peers.check(s, [[0, 1]])
        self.assertEqual((vehicles, bad), (1, []))
        self.assertAlmostEqual(dist, 20.0)
        s.customers[1].due = 11.0
        self.assertTrue(peers.check(s, [[0, 1]])[2])
        self.assertTrue(peers.check(peers.parse_solomon(TINY), [[0]])[2])

    def test_a_vehicle_costs_more_than_any_solution_drives(self):
        s = peers.parse_solomon(TINY)
        worst = peers.check(s, [[0], [1]])[1] * peers.SCALE
        self.assertGreater(peers.vehicle_cost(s), worst)

    def test_the_vroom_problem_starts_service_by_the_due_date(self):
        s = peers.parse_solomon(TINY)
        p = peers.vroom_classic_problem(s)
        self.assertEqual(len(p["vehicles"]), 2)
        self.assertEqual(p["jobs"][1]["time_windows"], [[10_000, 12_000]])
        self.assertEqual(p["matrices"]["car"]["durations"][0][1], 5_000)
        sol = {"routes": [{"steps": [{"type": "start"}, {"type": "job", "id": 2},
                                     {"type": "job", "id": 1}, {"type": "end"}]}]}
        self.assertEqual(peers.routes_from_vroom(sol), [[1, 0]])

    def test_best_knowns_by_upper_case_name_and_the_gap(self):
        with tempfile.TemporaryDirectory() as d:
            f = Path(d) / "bks.csv"
            f.write_text("instance,vehicles,distance,date\nc1_2_1,20,2704.5678,2001-01-01\n"
                         "bad,x,y,z\n")
            bks = peers.read_bks(f)
        self.assertEqual(bks, {"C1_2_1": (20, 2704.5678)})
        row = peers.classic_row("vroom", peers.parse_solomon(TINY), [[0, 1]], 0.5,
                                {"T1": (1, 19.0)})
        self.assertAlmostEqual(row["gap_percent"], 100 / 19)
        self.assertTrue(row["feasible"])
        json.dumps(row)


if __name__ == "__main__":
    unittest.main()
