//! Provides the developer tools: workspaces and instances made up for tests and benchmarks,
//! the benchmark report and the Solomon VRPTW runner.
//!
//! They sit behind the `devtools` feature (on by default) so that a build of the planner alone
//! (`--no-default-features`) carries none of them; the product modules never import them,
//! which `tests/product_apart.rs` checks. Unit tests of the product modules still build their
//! instances with [`synth`], so this tree is also compiled for them.

pub mod bench;
pub mod generate;
pub mod solomon;
pub mod synth;

/// How far `value` lies above `reference`, in percent of the reference: the one gap the bench
/// report and the Solomon runner quote against a bound or a best-known solution.
pub fn percent_above(value: f64, reference: f64) -> f64 {
    (value - reference) / reference * 100.0
}
