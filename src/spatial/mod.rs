//! Provides distances and travel times between points, and coordinate-system conversion.
//!
//! The travel model itself is defined in [`crate::model`], whose instance applies it; it is
//! re-exported here for the callers that look for it beside the other spatial helpers.

pub mod bd09;
pub mod gcj02;

pub use crate::model::{Travel, great_circle_km};
