//! What each summons means: was it properly served, did he ignore it, which call-up
//! campaign it belongs to under the law in force on its date (two campaigns a year until
//! 2025, one year-round call-up from 2026: `callup.*` in data/values.toml). Shared by the
//! penalty, restriction and return rules.

use super::{because, Ctx};
use crate::date::Date;
use crate::knowledge::{val, META};
use crate::model::{Because, Delivery, Summons};
use crate::model::{Fact, SummonsField};

pub use crate::model::Campaign;

/// Whether the call-up runs all year on `on` (one call-up a year in force then); days before
/// the modelled period read the first step, which was already in force.
pub fn year_round_on(on: Date) -> bool {
    val::CALLUP_CAMPAIGNS_PER_YEAR
        .at(on.max(META.modelled_from))
        .and_then(|s| s.max)
        == Some(1)
}

fn year_round_year(year: i32) -> Option<bool> {
    Date::new(year, 1, 1).map(year_round_on)
}

/// The first year of year-round conscription in the data (2026), for messages.
fn first_year_round() -> Option<i32> {
    val::CALLUP_CAMPAIGNS_PER_YEAR
        .steps
        .iter()
        .find(|s| s.max == Some(1))
        .map(|s| s.from.year())
}

fn expected_form() -> String {
    match first_year_round() {
        Some(y) => format!(
            "expected \"YYYY-spring\" or \"YYYY-autumn\" for a year up to {}, or \"YYYY\" from {y} (the year-round call-up)",
            y - 1
        ),
        None => "expected \"YYYY-spring\" or \"YYYY-autumn\"".to_string(),
    }
}

/// Reads a campaign as given in the input, checked against the regime of its year.
///
/// # Errors
/// A message (English) naming the expected form.
pub fn parse_campaign(s: &str) -> Result<Campaign, String> {
    let shown: String = s.chars().take(40).collect();
    let (y, half) = match s.split_once('-') {
        Some((y, h)) => (y, Some(h)),
        None => (s, None),
    };
    let year = (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .then(|| y.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y));
    let campaign = match (year, half) {
        (Some(year), Some("spring")) => Some(Campaign::Half { year, spring: true }),
        (Some(year), Some("autumn")) => Some(Campaign::Half {
            year,
            spring: false,
        }),
        (Some(year), None) => Some(Campaign::Year(year)),
        _ => None,
    };
    let Some(c) = campaign else {
        return Err(format!(
            "\"{shown}\" is not a call-up campaign: {}",
            expected_form()
        ));
    };
    let year = match c {
        Campaign::Half { year, .. } | Campaign::Year(year) => year,
    };
    match (c.year_round(), year_round_year(year)) {
        (false, Some(true)) => Err(format!(
            "{year} has no spring or autumn campaign: conscription runs all year from 1 January {}; {}",
            first_year_round().unwrap_or(year),
            expected_form()
        )),
        (true, Some(false)) | (true, None) => Err(format!(
            "{year} had two call-up campaigns (spring and autumn), not a year-round call-up; {}",
            expected_form()
        )),
        _ => Ok(c),
    }
}

/// The campaign a date falls in under the law in force on that day: the year-round call-up
/// of its year, or the spring or autumn campaign whose legal window contains it. A day
/// outside both windows belongs to no campaign (None).
pub fn campaign_of(d: Date) -> Option<Campaign> {
    if year_round_on(d) {
        return Some(Campaign::Year(d.year()));
    }
    let md = i64::from(d.month()) * 100 + i64::from(d.day());
    let on = d.max(META.modelled_from);
    let within = |v: &crate::knowledge::Value| {
        v.at(on)
            .and_then(|s| s.min.zip(s.max))
            .is_some_and(|(a, b)| (a..=b).contains(&md))
    };
    if within(&val::CALLUP_SPRING_CAMPAIGN) {
        Some(Campaign::Half {
            year: d.year(),
            spring: true,
        })
    } else if within(&val::CALLUP_AUTUMN_CAMPAIGN) {
        Some(Campaign::Half {
            year: d.year(),
            spring: false,
        })
    } else {
        None
    }
}

/// Whether a summons counts as served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Served {
    /// Handed over against signature, or delivered by registered mail.
    Yes,
    /// Not shown (unsigned, electronic while the sources differ, or not said).
    Unclear,
}

/// What he did about a summons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Served, not appeared, no valid reason.
    Ignored,
    /// Not appeared, but service or the reason is unclear.
    MaybeIgnored,
    /// Appeared, or had a valid reason.
    Complied,
    /// Whether he appeared is not said.
    Unknown,
}

/// One summons, read.
#[derive(Debug, Clone)]
pub struct Read {
    /// Index in the input.
    pub index: usize,
    /// The summons.
    pub summons: Summons,
    /// Service.
    pub served: Served,
    /// Outcome.
    pub outcome: Outcome,
    /// The campaign: given, or inferred from the date under the law of that day.
    pub campaign: Option<Campaign>,
    /// The input facts behind the outcome.
    pub because: Vec<Because>,
}

impl Read {
    /// Not complied with (for sure or maybe).
    pub fn not_complied(&self) -> bool {
        matches!(self.outcome, Outcome::Ignored | Outcome::MaybeIgnored)
    }
}

/// Reads every summons; records the missing facts that matter.
pub fn read_all(ctx: &mut Ctx<'_>) -> Option<Vec<Read>> {
    let list = ctx.case.summonses.clone()?;
    let mut out = Vec::with_capacity(list.len());
    for (i, s) in list.into_iter().enumerate() {
        let p = |k: SummonsField| Fact::Summons(i, k);
        let mut b = Vec::new();
        let served = match s.delivery {
            Some(Delivery::RegisteredMail) => {
                b.push(because(p(SummonsField::Delivery), "registered-mail"));
                Served::Yes
            }
            Some(Delivery::InPerson) => {
                b.push(because(p(SummonsField::Delivery), "in-person"));
                match s.signed {
                    Some(true) => {
                        b.push(because(p(SummonsField::Signed), true));
                        Served::Yes
                    }
                    Some(false) => {
                        b.push(because(p(SummonsField::Signed), false));
                        Served::Unclear
                    }
                    None => Served::Unclear,
                }
            }
            Some(Delivery::Electronic) => {
                b.push(because(p(SummonsField::Delivery), "electronic"));
                Served::Unclear
            }
            Some(Delivery::Unknown) | None => Served::Unclear,
        };
        let outcome = match (s.appeared, s.valid_reason) {
            (Some(true), _) => {
                b = vec![because(p(SummonsField::Appeared), true)];
                Outcome::Complied
            }
            (Some(false), Some(true)) => {
                b = vec![
                    because(p(SummonsField::Appeared), false),
                    because(p(SummonsField::ValidReason), true),
                ];
                Outcome::Complied
            }
            (Some(false), valid) => {
                b.insert(0, because(p(SummonsField::Appeared), false));
                if let Some(v) = valid {
                    b.push(because(p(SummonsField::ValidReason), v));
                }
                if served == Served::Yes && valid == Some(false) {
                    Outcome::Ignored
                } else {
                    Outcome::MaybeIgnored
                }
            }
            (None, _) => Outcome::Unknown,
        };
        match outcome {
            Outcome::Unknown => ctx.missing(p(SummonsField::Appeared)),
            Outcome::MaybeIgnored => {
                if s.valid_reason.is_none() {
                    ctx.missing(p(SummonsField::ValidReason));
                }
                if s.delivery.is_none() || s.delivery == Some(Delivery::Unknown) {
                    ctx.missing(p(SummonsField::Delivery));
                } else if s.delivery == Some(Delivery::InPerson) && s.signed.is_none() {
                    ctx.missing(p(SummonsField::Signed));
                }
            }
            _ => {}
        }
        let given = s.campaign;
        let campaign = given.or_else(|| s.date.and_then(campaign_of));
        out.push(Read {
            index: i,
            summons: s,
            served,
            outcome,
            campaign,
            because: b,
        });
    }
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn campaigns_follow_the_legal_windows_and_the_regime_of_the_day() {
        let key = |s: &str| campaign_of(d(s)).map(Campaign::key);
        assert_eq!(key("2025-04-01").as_deref(), Some("2025-spring"));
        assert_eq!(key("2025-07-15").as_deref(), Some("2025-spring"));
        assert_eq!(key("2025-07-16"), None);
        assert_eq!(key("2025-09-30"), None);
        assert_eq!(key("2025-10-01").as_deref(), Some("2025-autumn"));
        assert_eq!(key("2025-12-31").as_deref(), Some("2025-autumn"));
        assert_eq!(key("2025-03-31"), None);
        assert_eq!(key("2026-01-01").as_deref(), Some("2026"));
        assert_eq!(key("2026-08-20").as_deref(), Some("2026"));
        assert_eq!(key("2021-05-05").as_deref(), Some("2021-spring"));
    }

    #[test]
    fn campaign_strings_are_validated() {
        assert_eq!(
            parse_campaign("2025-spring"),
            Ok(Campaign::Half {
                year: 2025,
                spring: true
            })
        );
        assert_eq!(parse_campaign("2026"), Ok(Campaign::Year(2026)));
        for bad in [
            "2025-Spring",
            "banana",
            "2026-autumn",
            "2024",
            "25-spring",
            "2025-summer",
            "",
            "0999",
        ] {
            let e = parse_campaign(bad).unwrap_err();
            assert!(e.contains("\"YYYY-spring\""), "{bad}: {e}");
        }
    }
}
