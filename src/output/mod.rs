//! Placeholder, filled by the output work.
