//! Provides the benchmark report behind `chayici bench`: plan quality and cost, side by side,
//! on the same workspaces everywhere.
//!
//! A suite is a list of workspaces ([`instance`]): the shipped demo county and generated ones
//! rebuilt from a profile and a seed, so every developer measures the same bytes. Each is read,
//! bounded, planned at a fixed seed and round budget (never a time limit, so the plan itself is
//! reproducible), checked by [`crate::verify::verify_plan`], and measured ([`measure`]).
//! Nothing here asserts on time: targets are read off the table, not enforced by tests.
//!
//! Peak memory is the process's `VmHWM`, which only grows; the command line therefore runs
//! every workspace in a child process of its own, so each row's peak is that workspace's.

pub mod instance;
pub mod machine;
pub mod measure;
pub mod memory;
pub mod peers;
pub mod row;
pub mod scaling;
pub mod solomon;
pub mod table;

pub use instance::{InstanceSpec, Prepared};
pub use machine::Machine;
pub use measure::{RunParams, run_instance};
pub use memory::peak_memory_mb;
pub use peers::{PeerClassicRow, PeerRow};
pub use row::{Report, Row, ScalingRow, SolomonRow, gap_percent};
pub use scaling::time_improvement;

/// Which workspaces a bench run covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    /// The demo county, a generated county and three Solomon instances: about a minute at the
    /// default budget on 2 cores.
    Quick,
    /// Also a generated city of about 25,000 tasks and the long-horizon Solomon instances.
    Full,
    /// Only the improvement phase on the generated county, at a fixed round budget: run it
    /// once per `--threads` value to fill the thread-scaling table.
    Scaling,
    /// The 60 Gehring & Homberger instances of 200 customers.
    Homberger200,
    /// The 60 Gehring & Homberger instances of 1000 customers, meant for a time limit per
    /// instance.
    Homberger1000,
}

impl Suite {
    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quick => "quick",
            Self::Full => "full",
            Self::Scaling => "scaling",
            Self::Homberger200 => "homberger-200",
            Self::Homberger1000 => "homberger-1000",
        }
    }

    /// The workspaces planned whole, smallest first.
    pub fn workspaces(self) -> Vec<InstanceSpec> {
        match self {
            Self::Quick => vec![instance::DEMO, instance::COUNTY],
            Self::Full => vec![instance::DEMO, instance::COUNTY, instance::CITY],
            Self::Scaling | Self::Homberger200 | Self::Homberger1000 => Vec::new(),
        }
    }

    /// The Solomon instances solved.
    pub fn solomon(self) -> &'static [&'static str] {
        match self {
            Self::Quick => solomon::sample(false),
            Self::Full => solomon::sample(true),
            Self::Scaling | Self::Homberger200 | Self::Homberger1000 => &[],
        }
    }

    /// Customers of the Gehring & Homberger set the suite solves, if any.
    pub fn homberger(self) -> Option<usize> {
        match self {
            Self::Homberger200 => Some(200),
            Self::Homberger1000 => Some(1000),
            _ => None,
        }
    }
}
