//! Provides the workspace in other solvers' formats, and the way back from their answers to a
//! chayici plan, so that peers are measured on the same bundles, windows and travel as the
//! planner, and judged by the same independent checker.
//!
//! Pure functions only: the command line reads and writes the files.

pub mod vroom;
pub mod vroom_solution;

pub use vroom::{VroomExport, vroom_problem};
pub use vroom_solution::{ImportError, VroomSolution, plan_from_vroom};
