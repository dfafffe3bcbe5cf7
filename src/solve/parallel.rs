//! Provides the planner's only thread pool.
//!
//! Work is handed out as a fixed number of indexed jobs whose results come back in index
//! order, so what the search decides never depends on how many threads ran the jobs.

use rayon::prelude::*;

/// Runs indexed jobs on the pool of `threads` threads, or inline with one thread.
pub(crate) struct Workers {
    pool: Option<rayon::ThreadPool>,
}

impl Workers {
    /// A pool of `threads` threads (0: one per core); one thread runs jobs inline.
    ///
    /// When the pool cannot be built the jobs run inline, which gives the same results.
    pub fn new(threads: usize) -> Self {
        let pool = (threads != 1)
            .then(|| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .thread_name(|i| format!("chayici-solve-{i}"))
                    .build()
                    .ok()
            })
            .flatten();
        Self { pool }
    }

    /// `f(0), …, f(n - 1)`, in that order, computed on the pool.
    pub fn map<R, F>(&self, n: usize, f: F) -> Vec<R>
    where
        R: Send,
        F: Fn(usize) -> R + Sync + Send,
    {
        match &self.pool {
            Some(pool) => pool.install(|| (0..n).into_par_iter().map(&f).collect()),
            None => (0..n).map(f).collect(),
        }
    }
}
