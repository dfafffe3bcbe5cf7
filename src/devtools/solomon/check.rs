//! Checks a Solomon solution in double precision from the instance alone, sharing nothing
//! with the planner: not its scaled clock, not its travel table, not its capacity bookkeeping.
//! A bug in the mapping or in the engine shows up here as a violation.

use super::parse::SolomonInstance;

/// Slack for float noise: the planner's clock is pessimistic, so a real violation is never
/// this small.
const EPS: f64 = 1e-6;

/// What the checker found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckReport {
    /// Every broken rule, in words; empty for a feasible solution.
    pub violations: Vec<String>,
    /// Vehicles used (non-empty routes).
    pub vehicles: usize,
    /// Total Euclidean distance, in double precision.
    pub distance: f64,
}

impl CheckReport {
    /// True when the solution breaks no rule.
    pub fn is_feasible(&self) -> bool {
        self.violations.is_empty()
    }
}

/// Checks `routes` (indices into `s.customers`, in driving order, one list per vehicle):
/// every customer once, at most `s.vehicles` routes, each route's load within capacity,
/// service starting by each due date (waiting for ready times allowed) and the vehicle back
/// by the depot's due date.
pub fn check(s: &SolomonInstance, routes: &[Vec<usize>]) -> CheckReport {
    let mut report = CheckReport::default();
    let v = &mut report.violations;
    let mut seen = vec![0usize; s.customers.len()];
    let used: Vec<&Vec<usize>> = routes.iter().filter(|r| !r.is_empty()).collect();
    report.vehicles = used.len();
    if used.len() > s.vehicles {
        v.push(format!(
            "{} vehicles used, {} available",
            used.len(),
            s.vehicles
        ));
    }
    for (k, route) in used.iter().enumerate() {
        let mut at = &s.depot;
        let mut t = s.depot.ready;
        let mut load = 0.0;
        for &i in route.iter() {
            let Some(c) = s.customers.get(i) else {
                v.push(format!("route {}: no customer #{i}", k + 1));
                continue;
            };
            seen[i] += 1;
            let d = SolomonInstance::distance(at, c);
            report.distance += d;
            t = (t + d).max(c.ready);
            if t > c.due + EPS {
                v.push(format!(
                    "route {}: service at customer {} starts at {t:.4}, after its due date {}",
                    k + 1,
                    c.id,
                    c.due
                ));
            }
            t += c.service;
            load += c.demand;
            at = c;
        }
        let d = SolomonInstance::distance(at, &s.depot);
        report.distance += d;
        if t + d > s.depot.due + EPS {
            v.push(format!(
                "route {}: back at the depot at {:.4}, after {}",
                k + 1,
                t + d,
                s.depot.due
            ));
        }
        if load > s.capacity + EPS {
            v.push(format!(
                "route {}: load {load} over the capacity {}",
                k + 1,
                s.capacity
            ));
        }
    }
    for (i, &n) in seen.iter().enumerate() {
        if n != 1 {
            v.push(format!(
                "customer {} is visited {n} times",
                s.customers[i].id
            ));
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::solomon::parse;

    fn tiny() -> SolomonInstance {
        parse("T\n2 10\n0 0 0 0 0 100 0\n1 3 4 5 0 50 2\n2 6 8 5 10 12 2\n").unwrap()
    }

    #[test]
    fn accepts_a_feasible_solution_and_sums_exact_distances() {
        let r = check(&tiny(), &[vec![0, 1]]);
        assert!(r.is_feasible(), "{:?}", r.violations);
        assert_eq!(r.vehicles, 1);
        assert!((r.distance - 20.0).abs() < 1e-12);
    }

    #[test]
    fn rejects_late_service_overload_and_missing_customers() {
        let s = tiny();
        // Customer 2 after customer 1 starts at 5 + 2 + 5 = 12, its due date: one unit less
        // makes it late.
        let mut late = s.clone();
        late.customers[1].due = 11.0;
        assert!(!check(&late, &[vec![0, 1]]).is_feasible());
        let mut heavy = s.clone();
        heavy.capacity = 9.0;
        assert!(!check(&heavy, &[vec![0, 1]]).is_feasible());
        assert!(!check(&s, &[vec![0]]).is_feasible());
        assert!(!check(&s, &[vec![0, 1], vec![1]]).is_feasible());
        assert!(check(&s, &[vec![0], vec![], vec![1], vec![]]).is_feasible());
        let mut one = s.clone();
        one.vehicles = 1;
        assert!(!check(&one, &[vec![0], vec![1]]).is_feasible());
    }
}
