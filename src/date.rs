//! Calendar dates: ISO `YYYY-MM-DD` parsing, ordering, day arithmetic, whole years between
//! two dates. The core never reads the clock; dates come in as arguments.

use std::fmt;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a string is not a valid date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// Well formed, but no such day (`2024-02-30`).
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => f.write_str("expected a date of the form YYYY-MM-DD"),
            DateError::NoSuchDay => f.write_str("no such day in the calendar"),
        }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if it exists.
    ///
    /// ```
    /// use conscription_check::date::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// A date from parts already known to be valid (used by the generated knowledge tables,
    /// whose dates `build.rs` has checked). Prefer [`Date::new`].
    #[doc(hidden)]
    pub const fn new_const(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    /// [`DateError::Format`] when the text is not of that form, [`DateError::NoSuchDay`]
    /// when the day does not exist.
    ///
    /// ```
    /// use conscription_check::date::{Date, DateError};
    /// assert_eq!(Date::parse("2023-10-01").map(|d| d.to_string()), Ok("2023-10-01".into()));
    /// assert_eq!(Date::parse("2024-02-30"), Err(DateError::NoSuchDay));
    /// assert_eq!(Date::parse("1.10.2023"), Err(DateError::Format));
    /// ```
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return Err(DateError::Format);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = s.get(r).ok_or(DateError::Format)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(DateError::Format);
            }
            part.parse::<u32>().map_err(|_| DateError::Format)
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (y, m, d) = (
            i32::try_from(y).map_err(|_| DateError::Format)?,
            u8::try_from(m).map_err(|_| DateError::NoSuchDay)?,
            u8::try_from(d).map_err(|_| DateError::NoSuchDay)?,
        );
        Date::new(y, m, d).ok_or(DateError::NoSuchDay)
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// Month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// Day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if within years 1–9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(
            i32::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
    }

    /// This date moved by `days` (may be negative), if still within years 1–9999.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(days)?)
    }

    /// The same day `months` later (clamped to the month's last day).
    pub fn add_months(self, months: i64) -> Option<Date> {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let y = i32::try_from(total.div_euclid(12)).ok()?;
        let m = u8::try_from(total.rem_euclid(12) + 1).ok()?;
        if !(1..=9999).contains(&y) {
            return None;
        }
        let d = self.day.min(days_in_month(y, m));
        Date::new(y, m, d)
    }

    /// Completed years from `self` (a birth date) to `on`; negative when `on` is earlier.
    ///
    /// ```
    /// use conscription_check::date::Date;
    /// let born = Date::parse("2005-03-15").unwrap();
    /// assert_eq!(born.years_until(Date::parse("2023-03-14").unwrap()), 17);
    /// assert_eq!(born.years_until(Date::parse("2023-03-15").unwrap()), 18);
    /// ```
    pub fn years_until(self, on: Date) -> i32 {
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// Whole months from `self` to `on` (0 when `on` is earlier).
    pub fn months_until(self, on: Date) -> i64 {
        let mut months = (i64::from(on.year) - i64::from(self.year)) * 12 + i64::from(on.month)
            - i64::from(self.month);
        if on.day < self.day {
            months -= 1;
        }
        months.max(0)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2023-10-01",
            "2024-12-31",
            "0001-01-01",
        ] {
            let d = Date::parse(s).unwrap();
            assert_eq!(Date::from_days(d.to_days()), Some(d), "{s}");
        }
        assert_eq!(Date::parse("1970-01-01").unwrap().to_days(), 0);
    }

    #[test]
    fn rejects_bad_dates() {
        for s in [
            "2024-02-30",
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-04-31",
        ] {
            assert_eq!(Date::parse(s), Err(DateError::NoSuchDay), "{s}");
        }
        for s in [
            "",
            "2023-1-01",
            "2023/10/01",
            "+023-10-01",
            "2023-10-01T00",
            "２０２３-10-01",
        ] {
            assert_eq!(Date::parse(s), Err(DateError::Format), "{s}");
        }
    }

    #[test]
    fn adds_months_and_days() {
        let d = Date::parse("2024-01-31").unwrap();
        assert_eq!(d.add_months(1).unwrap().to_string(), "2024-02-29");
        assert_eq!(d.add_days(20).unwrap().to_string(), "2024-02-20");
        assert_eq!(
            Date::parse("2024-01-15")
                .unwrap()
                .months_until(Date::parse("2024-05-14").unwrap()),
            3
        );
    }
}
