//! Placeholder, filled by the verify work.
