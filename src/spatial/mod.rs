//! Provides distances and travel times between points, and coordinate-system conversion.

pub mod gcj02;
mod travel;

pub use travel::{Travel, great_circle_km};
