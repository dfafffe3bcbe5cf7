//! Provides the statutory holidays and make-up working days (调休) the tool ships, as data.
//!
//! Each year's table is transcribed from the State Council General Office's notice; a year
//! missing here is planned with plain weekends, and the caller warns about it.

/// A month and day within a table's year.
pub(super) type MonthDay = (u32, u32);

/// One year's notice: inclusive ranges of days off, and weekend days that are worked.
pub(super) struct YearTable {
    /// The calendar year the notice covers.
    pub year: i32,
    /// Inclusive ranges of statutory days off.
    pub days_off: &'static [(MonthDay, MonthDay)],
    /// Weekend days worked to make up for bridged holidays.
    pub make_up_workdays: &'static [MonthDay],
}

/// The notices shipped, in year order.
pub(super) const TABLES: &[YearTable] = &[
    YearTable {
        year: 2025,
        days_off: &[
            ((1, 1), (1, 1)),
            ((1, 28), (2, 4)),
            ((4, 4), (4, 6)),
            ((5, 1), (5, 5)),
            ((5, 31), (6, 2)),
            ((10, 1), (10, 8)),
        ],
        make_up_workdays: &[(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)],
    },
    YearTable {
        year: 2026,
        days_off: &[
            ((1, 1), (1, 3)),
            ((2, 15), (2, 23)),
            ((4, 4), (4, 6)),
            ((5, 1), (5, 5)),
            ((6, 19), (6, 21)),
            ((9, 25), (9, 27)),
            ((10, 1), (10, 7)),
        ],
        make_up_workdays: &[(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)],
    },
];
