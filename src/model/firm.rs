//! Provides the monitored firm (监管对象) and its opening hours.

use super::{Point, TimeWindow};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Index of a firm in [`crate::model::Instance::firms`].
pub type FirmIndex = usize;

/// A monitored entity, keyed by its unified social credit code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Firm {
    /// Unified social credit code (统一社会信用代码), 18 characters.
    pub id: String,
    /// Registered name (企业名称).
    pub name: String,
    /// Street address (地址), free text.
    pub address: String,
    /// Township or subdistrict (乡镇/街道).
    pub township: String,
    /// Location in WGS-84, after any GCJ-02 conversion.
    pub point: Point,
    /// Industry (行业), free text used by reports and generators.
    pub industry: String,
    /// Risk or credit grade (风险等级), free text.
    pub risk: String,
    /// When the firm can be visited.
    pub hours: OpeningHours,
    /// Whom the team asks for (联系人), free text.
    #[serde(default)]
    pub contact: String,
    /// The contact's phone (联系电话), as the register writes it.
    #[serde(default)]
    pub phone: String,
    /// The register's remark on the firm (备注), free text.
    #[serde(default)]
    pub notes: String,
    /// The register's other columns, header and value, in header order: carried to the
    /// outputs so that a team sees what the office keeps on the firm.
    #[serde(default)]
    pub extra: Vec<(String, String)>,
}

/// The hours a firm receives inspectors: the same windows on every open day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    /// Windows of an open day, sorted and disjoint.
    pub windows: Vec<TimeWindow>,
    /// Weekdays the firm is closed (休息日), Monday = 0.
    pub closed_weekdays: [bool; 7],
    /// Individual dates the firm is closed.
    pub closed_dates: Vec<NaiveDate>,
}

impl OpeningHours {
    /// Open all day on every day: the default when a register gives no hours.
    pub fn always(windows: Vec<TimeWindow>) -> Self {
        Self {
            windows,
            closed_weekdays: [false; 7],
            closed_dates: Vec::new(),
        }
    }

    /// True when the firm is closed for the whole of `date`.
    pub fn is_closed_on(&self, date: NaiveDate) -> bool {
        self.closed_weekdays[weekday_index(date.weekday())] || self.closed_dates.contains(&date)
    }

    /// The windows the firm is open on `date` (empty when closed).
    pub fn windows_on(&self, date: NaiveDate) -> &[TimeWindow] {
        if self.is_closed_on(date) {
            &[]
        } else {
            &self.windows
        }
    }
}

/// Monday = 0 … Sunday = 6.
pub fn weekday_index(w: Weekday) -> usize {
    w.num_days_from_monday() as usize
}
