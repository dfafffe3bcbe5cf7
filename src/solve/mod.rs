//! Placeholder, filled by the solve work.
