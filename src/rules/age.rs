//! Age: completed years on asOf and the conscription ages in force (Federal Law 53-FZ as
//! amended by 439-FZ: 18–27 until 31 Dec 2023, 18–30 from 1 Jan 2024). The upper limit is
//! the birthday on which liability ends, and a man who reached the limit while it was in
//! force stays outside when it is later raised ("men who turned 27 before the end of 2023
//! are not affected").

use super::{because, Ctx, Findings};
use crate::date::Date;
use crate::knowledge::{st, val, Arg};
use crate::model::Fact;
use crate::model::{AgeOut, Window};

pub use crate::model::AgeClass;

/// The age facts other rules use.
#[derive(Debug, Clone, Copy)]
pub struct AgeFacts {
    /// Where he stands.
    pub class: AgeClass,
    /// The window in force on asOf.
    pub window: Window,
}

/// The window in force on `on`: (min, max) years.
pub fn window_on(on: Date) -> Window {
    let step = val::CONSCRIPTION_AGE.at(on);
    Window {
        min: step.and_then(|s| s.min).unwrap_or_default(),
        max: step.and_then(|s| s.max).unwrap_or_default(),
    }
}

/// Classifies a known birth date on `as_of`, applying every limit that was in force.
pub fn classify(birth: Date, as_of: Date) -> AgeClass {
    let steps = val::CONSCRIPTION_AGE.steps;
    for (i, step) in steps.iter().enumerate() {
        if step.from > as_of {
            break;
        }
        let Some(max) = step.max else { continue };
        // The last day this step was in force (or asOf, if it still is).
        let end = steps
            .get(i + 1)
            .filter(|next| next.from <= as_of)
            .and_then(|next| next.from.add_days(-1))
            .unwrap_or(as_of);
        if i64::from(birth.years_until(end)) >= max {
            return AgeClass::Above;
        }
    }
    let w = window_on(as_of);
    if i64::from(birth.years_until(as_of)) < w.min {
        AgeClass::Below
    } else {
        AgeClass::Within
    }
}

/// The age section, and the facts the other rules need.
pub fn assess(ctx: &mut Ctx<'_>) -> (AgeOut, AgeFacts) {
    let as_of = ctx.opts.as_of;
    let window = window_on(as_of);
    let mut findings = Findings::default();
    let args = [
        ("date", Arg::Date(as_of)),
        ("min", Arg::Int(window.min)),
        ("max", Arg::Int(window.max)),
    ];
    let mut out = AgeOut {
        years: None,
        years_range: None,
        conscription_age: AgeClass::Unknown,
        window,
        findings: Vec::new(),
    };
    let class = if let Some(birth) = ctx.case.birth_date {
        let b = vec![because(Fact::BirthDate, birth.to_string())];
        let years = i64::from(birth.years_until(as_of));
        out.years = Some(years);
        let class = classify(birth, as_of);
        let st = match class {
            AgeClass::Below => &st::AGE_BELOW,
            AgeClass::Above => &st::AGE_ABOVE,
            _ => &st::AGE_WITHIN,
        };
        findings.add(ctx, st, b.clone(), &args);
        if class == AgeClass::Above && years < window.max {
            findings.add(ctx, &st::AGE_TURNED_27_BEFORE_2024, b, &[]);
        }
        class
    } else if let Some(year) = ctx.case.birth_year {
        let b = vec![because(Fact::BirthYear, year)];
        // Born on 1 January (oldest) or 31 December (youngest) of that year.
        let (Some(oldest), Some(youngest)) = (Date::new(year, 1, 1), Date::new(year, 12, 31))
        else {
            return (
                out,
                AgeFacts {
                    class: AgeClass::Unknown,
                    window,
                },
            );
        };
        out.years_range = Some(Window {
            min: i64::from(youngest.years_until(as_of)),
            max: i64::from(oldest.years_until(as_of)),
        });
        let (a, b_class) = (classify(oldest, as_of), classify(youngest, as_of));
        if a == b_class {
            let st = match a {
                AgeClass::Below => &st::AGE_BELOW,
                AgeClass::Above => &st::AGE_ABOVE,
                _ => &st::AGE_WITHIN,
            };
            findings.add(ctx, st, b, &args);
            a
        } else {
            findings.add(ctx, &st::AGE_UNCERTAIN, b, &args);
            ctx.missing(Fact::BirthDate);
            AgeClass::Unknown
        }
    } else {
        ctx.missing(Fact::BirthDate);
        AgeClass::Unknown
    };
    // The change of the upper age matters to anyone it may concern.
    if class != AgeClass::Below && as_of >= date_of_raise() {
        findings.plain(ctx, &st::AGE_WINDOW_RAISED);
        if class == AgeClass::Within {
            findings.plain(ctx, &st::AGE_RANGE_2025);
        }
    }
    out.conscription_age = class;
    out.findings = findings.into_vec();
    (out, AgeFacts { class, window })
}

/// The day the current age window took effect (the last step's start).
fn date_of_raise() -> Date {
    val::CONSCRIPTION_AGE
        .steps
        .last()
        .map_or(Date::new_const(9999, 12, 31), |s| s.from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn upper_limit_is_the_birthday() {
        // 30th birthday on 2027-06-01 (27th on 2024-06-01, under the new limit).
        assert_eq!(classify(d("1997-06-01"), d("2027-05-31")), AgeClass::Within);
        assert_eq!(classify(d("1997-06-01"), d("2027-06-01")), AgeClass::Above);
        // 27th birthday on 2022-06-01, under the old limit: outside ever since.
        assert_eq!(classify(d("1995-06-01"), d("2025-05-31")), AgeClass::Above);
        assert_eq!(classify(d("2007-06-01"), d("2025-05-31")), AgeClass::Below);
        assert_eq!(classify(d("2007-06-01"), d("2025-06-01")), AgeClass::Within);
    }

    #[test]
    fn men_who_turned_27_in_2023_stay_outside() {
        // Turned 27 on 2023-12-31: outside under the old limit, stays outside in 2024.
        assert_eq!(classify(d("1996-12-31"), d("2024-03-01")), AgeClass::Above);
        // Turned 27 on 2024-01-01: the new limit applies.
        assert_eq!(classify(d("1997-01-01"), d("2024-03-01")), AgeClass::Within);
        // In 2023 the old limit applied.
        assert_eq!(classify(d("1997-01-01"), d("2023-06-01")), AgeClass::Within);
        assert_eq!(classify(d("1995-01-01"), d("2023-06-01")), AgeClass::Above);
    }
}
