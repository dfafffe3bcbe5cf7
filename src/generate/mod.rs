//! Placeholder, filled by the gen work.
