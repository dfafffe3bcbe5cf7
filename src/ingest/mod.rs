//! Placeholder, filled by the ingest work.
