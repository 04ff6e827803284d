//! What each summons means: was it properly served, did he ignore it, which call-up
//! campaign it belongs to. Shared by the penalty, restriction and return rules.

use super::{because, Ctx};
use crate::date::Date;
use crate::model::{Because, Delivery, Summons};

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
    /// The campaign: given, or inferred from the date (first half: spring, second: autumn).
    pub campaign: Option<String>,
    /// The input facts behind the outcome.
    pub because: Vec<Because>,
}

impl Read {
    /// Not complied with (for sure or maybe).
    pub fn not_complied(&self) -> bool {
        matches!(self.outcome, Outcome::Ignored | Outcome::MaybeIgnored)
    }
}

/// The campaign a date falls in, as "YYYY-spring" / "YYYY-autumn".
pub fn campaign_of(d: Date) -> String {
    let half = if d.month() <= 6 { "spring" } else { "autumn" };
    format!("{}-{half}", d.year())
}

/// Reads every summons; records the missing facts that matter.
pub fn read_all(ctx: &mut Ctx<'_>) -> Option<Vec<Read>> {
    let list = ctx.case.summonses.clone()?;
    let mut out = Vec::with_capacity(list.len());
    for (i, s) in list.into_iter().enumerate() {
        let p = |k: &str| format!("summonses[{i}].{k}");
        let mut b = Vec::new();
        let served = match s.delivery {
            Some(Delivery::RegisteredMail) => {
                b.push(because(p("delivery"), "registered-mail"));
                Served::Yes
            }
            Some(Delivery::InPerson) => {
                b.push(because(p("delivery"), "in-person"));
                match s.signed {
                    Some(true) => {
                        b.push(because(p("signed"), true));
                        Served::Yes
                    }
                    Some(false) => {
                        b.push(because(p("signed"), false));
                        Served::Unclear
                    }
                    None => Served::Unclear,
                }
            }
            Some(Delivery::Electronic) => {
                b.push(because(p("delivery"), "electronic"));
                Served::Unclear
            }
            Some(Delivery::Unknown) | None => Served::Unclear,
        };
        let outcome = match (s.appeared, s.valid_reason) {
            (Some(true), _) => {
                b = vec![because(p("appeared"), true)];
                Outcome::Complied
            }
            (Some(false), Some(true)) => {
                b = vec![
                    because(p("appeared"), false),
                    because(p("validReason"), true),
                ];
                Outcome::Complied
            }
            (Some(false), valid) => {
                b.insert(0, because(p("appeared"), false));
                if let Some(v) = valid {
                    b.push(because(p("validReason"), v));
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
            Outcome::Unknown => ctx.missing(p("appeared")),
            Outcome::MaybeIgnored => {
                if s.valid_reason.is_none() {
                    ctx.missing(p("validReason"));
                }
                if s.delivery.is_none() || s.delivery == Some(Delivery::Unknown) {
                    ctx.missing(p("delivery"));
                } else if s.delivery == Some(Delivery::InPerson) && s.signed.is_none() {
                    ctx.missing(p("signed"));
                }
            }
            _ => {}
        }
        let campaign = s.campaign.clone().or_else(|| s.date.map(campaign_of));
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
