//! Provides the planner's only thread pool.
//!
//! Work is handed out as a fixed number of indexed jobs whose results come back in index
//! order, so what the search decides never depends on how many threads ran the jobs.
//!
//! Every parallel part of a plan (the bounds, the planning context, the search, set
//! partitioning) runs inside one pool of the requested size: rayon's parallel iterators use
//! the pool they are called from, so code that runs inside [`Workers::install`] needs no pool
//! of its own, and `--threads 1` really is one thread.

use rayon::prelude::*;

/// Stack of the pool's threads: the whole plan runs on them, construction and set
/// partitioning included, which used to run on the main thread and its 8 MiB.
const STACK_BYTES: usize = 8 << 20;

/// Runs indexed jobs on the pool of `threads` threads.
pub(crate) struct Workers {
    mode: Mode,
}

enum Mode {
    /// A pool of its own.
    Own(rayon::ThreadPool),
    /// The pool the caller already runs in, which has the size asked for.
    Current,
    /// No pool: jobs run one after the other on the calling thread.
    Inline,
}

impl Workers {
    /// A pool of `threads` threads (0: one per core); inside a pool of that size already (0:
    /// of any size), that pool.
    ///
    /// When the pool cannot be built the jobs run inline, which gives the same results.
    pub fn new(threads: usize) -> Self {
        let inside = rayon::current_thread_index().is_some();
        if inside && (threads == 0 || rayon::current_num_threads() == threads) {
            return Self {
                mode: Mode::Current,
            };
        }
        let mode = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("chayici-solve-{i}"))
            .stack_size(STACK_BYTES)
            .build()
            .map_or(Mode::Inline, Mode::Own);
        Self { mode }
    }

    /// Jobs run on the calling thread, for a caller that wants no thread at all.
    pub fn inline() -> Self {
        Self { mode: Mode::Inline }
    }

    /// Runs `f` inside the pool, so that whatever it runs in parallel uses the pool's threads
    /// and no others.
    pub fn install<R, F>(&self, f: F) -> R
    where
        R: Send,
        F: FnOnce() -> R + Send,
    {
        match &self.mode {
            Mode::Own(pool) => pool.install(f),
            Mode::Current | Mode::Inline => f(),
        }
    }

    /// `f(0), …, f(n - 1)`, in that order, computed on the pool.
    pub fn map<R, F>(&self, n: usize, f: F) -> Vec<R>
    where
        R: Send,
        F: Fn(usize) -> R + Sync + Send,
    {
        match &self.mode {
            Mode::Own(pool) => pool.install(|| (0..n).into_par_iter().map(&f).collect()),
            Mode::Current => (0..n).into_par_iter().map(&f).collect(),
            Mode::Inline => (0..n).map(f).collect(),
        }
    }
}

/// Runs `f` on a pool of `threads` threads (0: one per core), so that everything the planner
/// runs in parallel inside it (bounds, planning context, search, set partitioning) uses those
/// threads and no others; a planner called inside uses the same pool.
pub fn with_threads<R, F>(threads: usize, f: F) -> R
where
    R: Send,
    F: FnOnce() -> R + Send,
{
    Workers::new(threads).install(f)
}

/// Marks a piece of planner work for `instance` (a part such as "bounds"), so that a test can
/// check which threads ran it; it does nothing outside tests.
#[inline]
pub(crate) fn note_work(part: &'static str, instance: &str) {
    #[cfg(test)]
    probe::note(part, instance);
    #[cfg(not(test))]
    let _ = (part, instance);
}

/// Which threads ran planner work, for instances whose name starts with [`probe::PREFIX`]
/// (other tests run planners at the same time).
#[cfg(test)]
pub(crate) mod probe {
    use std::sync::Mutex;
    use std::thread::ThreadId;

    /// Names of the instances whose work is recorded.
    pub const PREFIX: &str = "threads-probe:";

    /// One piece of work: its part, the thread that ran it and the size of its pool.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Seen {
        pub part: &'static str,
        pub thread: ThreadId,
        pub pool_threads: usize,
    }

    static SEEN: Mutex<Vec<(String, Seen)>> = Mutex::new(Vec::new());

    pub fn note(part: &'static str, instance: &str) {
        if instance.starts_with(PREFIX) {
            let seen = Seen {
                part,
                thread: std::thread::current().id(),
                pool_threads: rayon::current_num_threads(),
            };
            let mut all = SEEN.lock().unwrap_or_else(|e| e.into_inner());
            all.push((instance.to_owned(), seen));
        }
    }

    /// Everything recorded for `instance`.
    pub fn seen(instance: &str) -> Vec<Seen> {
        let all = SEEN.lock().unwrap_or_else(|e| e.into_inner());
        all.iter()
            .filter(|(i, _)| i == instance)
            .map(|(_, s)| s.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::probe;
    use crate::devtools::synth::{SynthParams, random_instance};
    use crate::solve::milp::MilpParams;
    use crate::solve::{SolveParams, solve_with_milp};
    use std::collections::BTreeSet;

    #[test]
    fn every_parallel_part_of_a_plan_runs_on_the_threads_asked_for() {
        for threads in [1, 2] {
            let mut inst = random_instance(5, &SynthParams::default());
            inst.name = format!("{}{threads}", probe::PREFIX);
            let params = SolveParams {
                iterations: 20,
                threads,
                ..SolveParams::default()
            };
            let out = solve_with_milp(&inst, &params, Some(&MilpParams::default()), &|_| {});
            let report = crate::verify::verify_plan(&inst, &out.plan);
            assert!(report.is_ok(), "{:?}", report.violations);
            let seen = probe::seen(&inst.name);
            let parts: BTreeSet<&str> = seen.iter().map(|s| s.part).collect();
            for part in ["bounds", "context", "search"] {
                assert!(parts.contains(part), "{part} not seen: {parts:?}");
            }
            let ran_on: std::collections::HashSet<_> = seen.iter().map(|s| s.thread).collect();
            assert!(
                ran_on.len() <= threads,
                "{} threads ran planner work with --threads {threads}",
                ran_on.len()
            );
            for s in &seen {
                assert_eq!(s.pool_threads, threads, "{} ran in a wider pool", s.part);
            }
        }
    }
}
