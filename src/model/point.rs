//! Provides a WGS-84 point.

use serde::{Deserialize, Serialize};

/// A position in WGS-84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
}

impl Point {
    /// A point from longitude and latitude.
    pub const fn new(lon: f64, lat: f64) -> Self {
        Self { lon, lat }
    }
}
