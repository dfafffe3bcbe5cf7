//! Provides the independent plan checker: any plan, from any planner or edited by hand, is
//! checked against its instance from first principles.
//!
//! Nothing here calls the planner or the merge graph: if both computed a rule the same wrong
//! way, a checker that shared their code would agree with them. Times, on-site minutes and
//! reasons are recomputed from the instance and the problem's definition in DESIGN.md.

mod accounting;
mod kpis;
mod locks;
mod pins;
mod plan_figures;
mod plan_files;
mod reasons;
mod routes;
mod routes_csv;
mod rows;
mod statistics;
mod unscheduled_csv;
mod violation;
mod written;

pub use kpis::{Kpis, TeamWorkload};
pub use plan_figures::ReferenceBounds;
pub use plan_files::{
    FilesReport, PEOPLE_FILES, PlanFiles, REQUIRED_FILES, ReplanBasis, TEAM_FOLDERS,
    verify_plan_files,
};
pub use violation::{Violation, ViolationKind};

use crate::model::{DayIndex, Instance, Plan, PlanSnapshot};

/// What the checker found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VerifyReport {
    /// Broken rules: a plan with any is not executable as written.
    pub violations: Vec<Violation>,
    /// Oddities that do not make the plan wrong (an empty route, a task called short of
    /// capacity that no plan could ever schedule).
    pub warnings: Vec<Violation>,
    /// The plan's key figures, counted independently of the planner.
    pub kpis: Kpis,
}

impl VerifyReport {
    /// True when the plan breaks no rule.
    pub fn is_ok(&self) -> bool {
        self.violations.is_empty()
    }

    /// True when some violation is of `kind`; tests use it to say which rule they break.
    pub fn has(&self, kind: ViolationKind) -> bool {
        self.violations.iter().any(|v| v.kind == kind)
    }
}

/// Checks `plan` against `inst`: every task accounted for exactly once, every route on a
/// working day of its team, every visit within the task windows, the team's departments, the
/// firm's opening hours and the shift, every time consistent with the travel model, every
/// pinned task done by its team on its day, and every reason for leaving a task out true. Never panics, whatever indices the plan holds.
pub fn verify_plan(inst: &Instance, plan: &Plan) -> VerifyReport {
    let mut violations = Vec::new();
    let mut warnings = Vec::new();
    accounting::check(inst, plan, &mut violations);
    routes::check(inst, plan, &mut violations, &mut warnings);
    pins::check(inst, plan, &mut violations);
    reasons::check(inst, plan, &mut violations, &mut warnings);
    VerifyReport {
        violations,
        warnings,
        kpis: Kpis::of(inst, plan),
    }
}

/// Checks a replan like [`verify_plan`], and also that it keeps what the plan it started from,
/// `prev`, had done before day `from`, and adds nothing there. Unscheduled tasks' reasons are
/// judged from `from` on: the days before it have passed.
pub fn verify_replan(
    inst: &Instance,
    plan: &Plan,
    prev: &PlanSnapshot,
    from: DayIndex,
) -> VerifyReport {
    let mut violations = Vec::new();
    let mut warnings = Vec::new();
    accounting::check(inst, plan, &mut violations);
    routes::check(inst, plan, &mut violations, &mut warnings);
    pins::check(inst, plan, &mut violations);
    let on = locks::from_on(inst, plan, from);
    reasons::check(&on, plan, &mut violations, &mut warnings);
    locks::check(inst, plan, prev, from, &mut violations);
    VerifyReport {
        violations,
        warnings,
        kpis: Kpis::of(inst, plan),
    }
}
