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
