//! Penalties — Art. 21.5 CAO (not appearing on a summons), the registration duties, Art.
//! 328(1) and 328(2) of the Criminal Code — and the restrictive measures that follow an
//! ignored summons (April 2023). Amounts are those in force on the day that matters.

use super::age::{AgeClass, AgeFacts};
use super::summonses::{Campaign, Outcome, Read, Served};
use super::{because, known_on, Ctx, Findings};
use crate::date::Date;
use crate::knowledge::{st, tx, val, Arg, Value};
use crate::model::*;

/// What the penalty rules tell the other sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PenaltyFacts {
    /// Some summons was (or may have been) ignored.
    pub ignored: bool,
    /// Whether he appeared is not said for some summons.
    pub outcome_unknown: bool,
    /// Whether summonses were given at all.
    pub summonses_known: bool,
    /// Art. 328(1) may be charged.
    pub criminal_possible: bool,
}

fn range_at(v: &Value, on: Date) -> (i64, i64) {
    let s = v.at(on);
    (
        s.and_then(|s| s.min).unwrap_or(0),
        s.and_then(|s| s.max).unwrap_or(0),
    )
}

fn max_at(v: &Value, on: Date) -> Option<i64> {
    v.at(on).and_then(|s| s.max)
}

/// The day of the law change of a value (the start of its latest step on or before `on`).
fn fine_statement_is_new(v: &Value, on: Date) -> bool {
    v.steps.len() > 1 && v.steps.last().is_some_and(|last| on >= last.from)
}

/// All penalties, the restriction section, and facts for the return rules.
pub fn assess(
    ctx: &mut Ctx<'_>,
    age: AgeFacts,
    reads: Option<&[Read]>,
) -> (Vec<Penalty>, Section<RestrictionStatus>, PenaltyFacts) {
    let cao = cao_21_5(ctx, reads);
    let reg = registration(ctx, age);
    let (cc1, criminal_possible) = cc_328_1(ctx, reads);
    let cc2 = cc_328_2(ctx);
    let restrictions = restrictions(ctx, reads);
    let ignored = reads.is_some_and(|r| r.iter().any(Read::not_complied));
    let outcome_unknown = reads.is_some_and(|r| r.iter().any(|r| r.outcome == Outcome::Unknown));
    (
        vec![cao, reg, cc1, cc2],
        restrictions,
        PenaltyFacts {
            ignored,
            outcome_unknown,
            summonses_known: reads.is_some(),
            criminal_possible,
        },
    )
}

fn penalty(
    ctx: &Ctx<'_>,
    id: &'static str,
    kind: PenaltyKind,
    basis: &crate::knowledge::Text,
) -> Penalty {
    Penalty {
        id,
        kind,
        legal_basis: ctx.text(basis, &[]),
        exposure: Exposure::NotApplicable,
        fine: ctx.money(0, 0),
        other_sanctions: Vec::new(),
        findings: Vec::new(),
        law_date: ctx.opts.as_of.to_string(),
    }
}

fn cao_21_5(ctx: &mut Ctx<'_>, reads: Option<&[Read]>) -> Penalty {
    let as_of = ctx.opts.as_of;
    let mut p = penalty(
        ctx,
        "cao-21-5",
        PenaltyKind::Administrative,
        &tx::LEGAL_BASIS_CAO_21_5,
    );
    let mut f = Findings::default();
    let Some(reads) = reads else {
        ctx.missing(Fact::Summonses);
        p.exposure = Exposure::Unknown;
        let (a, b) = range_at(&val::FINE_CAO_21_5, as_of);
        p.fine = ctx.money(a, b);
        f.plain(ctx, &st::CAO_DEFINITION);
        p.findings = f.into_vec();
        return p;
    };
    let relevant: Vec<&Read> = reads.iter().filter(|r| r.not_complied()).collect();
    p.exposure = if relevant.iter().any(|r| r.outcome == Outcome::Ignored) {
        Exposure::Likely
    } else if !relevant.is_empty() {
        Exposure::Possible
    } else if reads.iter().any(|r| r.outcome == Outcome::Unknown) {
        Exposure::Unknown
    } else if reads.is_empty() {
        Exposure::NotApplicable
    } else {
        Exposure::Unlikely
    };
    // The fine in force on each relevant summons date (asOf when the date is not given).
    let mut dates: Vec<Date> = Vec::new();
    for r in &relevant {
        match r.summons.date {
            Some(d) => dates.push(d),
            None => {
                ctx.missing(Fact::Summons(r.index, SummonsField::Date));
                dates.push(as_of);
            }
        }
    }
    if dates.is_empty() {
        dates.push(as_of);
    }
    let (mut lo, mut hi) = (i64::MAX, 0);
    for d in &dates {
        let (a, b) = range_at(&val::FINE_CAO_21_5, *d);
        lo = lo.min(a);
        hi = hi.max(b);
    }
    p.fine = ctx.money(lo.min(hi), hi);
    if let Some(latest) = dates.iter().max() {
        p.law_date = latest.to_string();
    }
    let because_all: Vec<Because> = relevant.iter().flat_map(|r| r.because.clone()).collect();
    match p.exposure {
        Exposure::Likely | Exposure::Possible => {
            for d in &dates {
                // The summonses he did not comply with (each has at least "appeared").
                let b = because_all.clone();
                if fine_statement_is_new(&val::FINE_CAO_21_5, *d) {
                    f.add(ctx, &st::CAO_FINE_SINCE_2023_10, b, &[]);
                } else {
                    f.add(ctx, &st::CAO_FINE_BEFORE_2023_10, b, &[]);
                }
            }
            f.plain(ctx, &st::CAO_DEFINITION);
            service_findings(ctx, &mut f, &relevant);
            f.plain(ctx, &st::SUMMONS_USUAL_NOTICE);
            f.plain(ctx, &st::CAO_FINES_AFTER_REPEATED);
            f.plain(ctx, &st::CAO_THOUSANDS_OF_FINES);
        }
        Exposure::Unlikely => {
            let b: Vec<Because> = reads.iter().flat_map(|r| r.because.clone()).collect();
            f.add(ctx, &st::CAO_NO_OFFENCE, b, &[]);
        }
        _ => {
            f.plain(ctx, &st::CAO_DEFINITION);
        }
    }
    p.findings = f.into_vec();
    p
}

/// The 30-day cap on the appearance date of a summons posted in the register (from 2026):
/// a finding when the appearance date given is later than the cap in force on the summons'
/// date allows.
fn appearance_cap(ctx: &Ctx<'_>, f: &mut Findings, r: &Read) {
    let (Some(date), Some(appear)) = (r.summons.date, r.summons.appearance_date) else {
        return;
    };
    if r.summons.delivery != Some(Delivery::Electronic) {
        return;
    }
    let Some(cap) = max_at(&val::SUMMONS_APPEARANCE_MAX_DAYS, date) else {
        return;
    };
    let days = appear.to_days() - date.to_days();
    if days > cap {
        let path = |k: SummonsField| Fact::Summons(r.index, k);
        f.add(
            ctx,
            &st::LATER_APPEARANCE_OVER_30_DAYS,
            vec![
                because(path(SummonsField::Date), date.to_string()),
                because(path(SummonsField::AppearanceDate), appear.to_string()),
                because(path(SummonsField::Delivery), "electronic"),
            ],
            &[("days", Arg::Int(days))],
        );
        f.plain(ctx, &st::LATER_APPEARANCE_LIMIT_CONSULTANT);
    }
}

fn service_findings(ctx: &Ctx<'_>, f: &mut Findings, relevant: &[&Read]) {
    for r in relevant {
        appearance_cap(ctx, f, r);
        let path = |k: SummonsField| Fact::Summons(r.index, k);
        match r.summons.delivery {
            Some(Delivery::InPerson) if r.served == Served::Yes => f.add(
                ctx,
                &st::SUMMONS_SERVED_IN_PERSON,
                vec![because(path(SummonsField::Delivery), "in-person")],
                &[],
            ),
            Some(Delivery::RegisteredMail) => f.add(
                ctx,
                &st::SUMMONS_SERVED_REGISTERED_MAIL,
                vec![because(path(SummonsField::Delivery), "registered-mail")],
                &[],
            ),
            Some(Delivery::Electronic) => f.add(
                ctx,
                &st::SUMMONS_ELECTRONIC_LAW,
                vec![because(path(SummonsField::Delivery), "electronic")],
                &[],
            ),
            _ => {}
        }
        if r.served == Served::Unclear {
            let mut b = vec![];
            if let Some(d) = r.summons.delivery {
                b.push(because(path(SummonsField::Delivery), d.as_str()));
            }
            if let Some(s) = r.summons.signed {
                b.push(because(path(SummonsField::Signed), s));
            }
            f.add(ctx, &st::SUMMONS_PROPER_NOTIFICATION, b, &[]);
            if r.summons.signed == Some(false) {
                f.plain(ctx, &st::SUMMONS_AVOID_RECEIVING);
            }
        }
    }
}

fn registration(ctx: &mut Ctx<'_>, age: AgeFacts) -> Penalty {
    let as_of = ctx.opts.as_of;
    let mut p = penalty(
        ctx,
        "registration-duties",
        PenaltyKind::Administrative,
        &tx::LEGAL_BASIS_REGISTRATION_DUTIES,
    );
    let mut f = Findings::default();
    let (a, b) = range_at(&val::FINE_REGISTRATION, as_of);
    p.fine = ctx.money(a, b);
    if matches!(age.class, AgeClass::Below | AgeClass::Above) {
        p.findings = f.into_vec();
        return p;
    }
    let reg = ctx.case.registration.clone().unwrap_or_default();
    let abroad = ctx.case.residence == Some(Residence::Abroad);
    let mut breach_date = as_of;
    let mut exposure = Exposure::Unlikely;
    let mut undecided = false;
    match reg.residence_notified {
        Some(false) => {
            exposure = Exposure::Likely;
            f.add(
                ctx,
                &st::REGISTRATION_RESIDENCE,
                vec![because(Fact::RegistrationResidenceNotified, false)],
                &[],
            );
        }
        Some(true) => {}
        None => {
            undecided = true;
            ctx.missing(Fact::RegistrationResidenceNotified);
        }
    }
    if abroad {
        let since = ctx.case.abroad.as_ref().and_then(|a| a.since);
        let months = max_at(&val::REGISTRATION_DEPARTURE_MONTHS, as_of).unwrap_or(6);
        let long_enough = since.map(|s| s.add_months(months).is_some_and(|d| d <= as_of));
        match reg.departure_reported {
            Some(false) => {
                let mut b = vec![
                    because(Fact::Residence, "abroad"),
                    because(Fact::RegistrationDepartureReported, false),
                ];
                if let Some(s) = since {
                    b.push(because(Fact::AbroadSince, s.to_string()));
                    breach_date = s;
                }
                match long_enough {
                    Some(true) => exposure = Exposure::Likely,
                    Some(false) => {
                        if exposure != Exposure::Likely {
                            exposure = Exposure::Possible;
                        }
                    }
                    None => {
                        ctx.missing(Fact::AbroadSince);
                        if exposure != Exposure::Likely {
                            exposure = Exposure::Possible;
                        }
                    }
                }
                // Since 2026 the fine can be imposed all year, not only during a call-up
                // (RBC); shown from that day.
                f.add(ctx, &st::LATER_REGISTRATION_FINE_YEAR_ROUND, b.clone(), &[]);
                if fine_statement_is_new(&val::FINE_REGISTRATION, breach_date) {
                    f.add(ctx, &st::REGISTRATION_FINE_SINCE_2023_10, b, &[]);
                } else {
                    f.add(ctx, &st::REGISTRATION_FINE_BEFORE_2023_10, b, &[]);
                }
            }
            Some(true) => {}
            None => {
                undecided = true;
                ctx.missing(Fact::RegistrationDepartureReported);
            }
        }
    }
    if exposure == Exposure::Unlikely && undecided {
        exposure = Exposure::Unknown;
    }
    p.exposure = exposure;
    let (a, b) = range_at(&val::FINE_REGISTRATION, breach_date);
    p.fine = ctx.money(a, b);
    p.law_date = breach_date.to_string();
    if exposure != Exposure::Unlikely {
        f.plain(ctx, &st::REGISTRATION_RESIDENCE);
        if fine_statement_is_new(&val::FINE_REGISTRATION, breach_date) {
            f.plain(ctx, &st::REGISTRATION_FINE_SINCE_2023_10);
        } else {
            f.plain(ctx, &st::REGISTRATION_FINE_BEFORE_2023_10);
        }
    }
    f.plain(ctx, &st::REGISTRATION_ADMINISTRATIVE_ONLY);
    p.findings = f.into_vec();
    p
}

fn sanction(
    ctx: &Ctx<'_>,
    id: &'static str,
    t: &crate::knowledge::Text,
    v: &Value,
    months: bool,
) -> Option<Sanction> {
    let n = max_at(v, ctx.opts.as_of)?;
    let key = if months { "months" } else { "hours" };
    Some(Sanction {
        id,
        text: ctx.text(t, &[(key, Arg::Int(n))]),
        max_months: months.then_some(n),
        max_hours: (!months).then_some(n),
    })
}

/// A criminal penalty with the fine range in force on asOf.
fn criminal(
    ctx: &Ctx<'_>,
    id: &'static str,
    basis: &crate::knowledge::Text,
    fine: &Value,
) -> Penalty {
    let mut p = penalty(ctx, id, PenaltyKind::Criminal, basis);
    let (a, b) = range_at(fine, ctx.opts.as_of);
    p.fine = ctx.money(a, b);
    p
}

fn cc_328_1(ctx: &mut Ctx<'_>, reads: Option<&[Read]>) -> (Penalty, bool) {
    let mut p = criminal(
        ctx,
        "cc-328-1",
        &tx::LEGAL_BASIS_CC_328_1,
        &val::CC_328_1_FINE,
    );
    let mut f = Findings::default();
    p.other_sanctions = [
        sanction(
            ctx,
            "wages",
            &tx::SANCTION_WAGES,
            &val::CC_328_1_WAGES,
            true,
        ),
        sanction(
            ctx,
            "forced-labour",
            &tx::SANCTION_FORCED_LABOUR,
            &val::CC_328_1_FORCED_LABOUR,
            true,
        ),
        sanction(
            ctx,
            "arrest",
            &tx::SANCTION_ARREST,
            &val::CC_328_1_ARREST,
            true,
        ),
        sanction(
            ctx,
            "prison",
            &tx::SANCTION_PRISON,
            &val::CC_328_1_PRISON,
            true,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let Some(reads) = reads else {
        p.exposure = Exposure::Unknown;
        f.plain(ctx, &st::CC328_SANCTIONS);
        f.plain(ctx, &st::CC328_INTENT_REQUIRED);
        p.findings = f.into_vec();
        return (p, false);
    };
    let relevant: Vec<&Read> = reads.iter().filter(|r| r.not_complied()).collect();
    // Distinct campaigns (a Vec, not a set: a handful of items, and smaller code in wasm).
    let mut campaigns: Vec<Campaign> = Vec::new();
    for c in relevant.iter().filter_map(|r| r.campaign) {
        if !campaigns.contains(&c) {
            campaigns.push(c);
        }
    }
    for r in &relevant {
        if r.campaign.is_none() {
            ctx.missing(Fact::Summons(r.index, SummonsField::Campaign));
        }
    }
    let mut b: Vec<Because> = Vec::new();
    for r in &relevant {
        b.extend(r.because.iter().cloned());
        match (&r.summons.campaign, r.summons.date) {
            (Some(c), _) => b.push(because(
                Fact::Summons(r.index, SummonsField::Campaign),
                c.key(),
            )),
            (None, Some(d)) => b.push(because(
                Fact::Summons(r.index, SummonsField::Date),
                d.to_string(),
            )),
            _ => {}
        }
    }
    let any_unknown = relevant.iter().any(|r| r.campaign.is_none());
    // Summonses of the year-round call-up (from 2026): the "two campaigns" criterion was
    // stated for two campaigns a year, and the sources do not say how it is applied since.
    let year_round = campaigns.iter().any(|c| c.year_round());
    let two_campaign_count = campaigns.iter().filter(|c| !c.year_round()).count();
    let possible = if year_round {
        two_campaign_count >= 2 || campaigns.len() >= 2
    } else {
        campaigns.len() >= 2 || (relevant.len() >= 2 && any_unknown)
    };
    p.exposure = if possible {
        Exposure::Possible
    } else if year_round && relevant.len() >= 2 {
        // Repeated refusals within one year-round call-up: whether they count as two
        // campaigns is not known from the sources.
        Exposure::Unknown
    } else if !relevant.is_empty() {
        Exposure::Unlikely
    } else if reads.iter().any(|r| r.outcome == Outcome::Unknown) {
        Exposure::Unknown
    } else {
        Exposure::NotApplicable
    };
    if year_round {
        f.add(ctx, &st::LATER_CC328_CAMPAIGNS_YEAR_ROUND, b.clone(), &[]);
        f.plain(ctx, &st::LATER_YEAR_ROUND_REGIME);
    }
    match p.exposure {
        Exposure::Possible => {
            f.add(ctx, &st::CC328_TWO_CAMPAIGNS, b.clone(), &[]);
            f.add(ctx, &st::CC328_INTENT_REQUIRED, b, &[]);
            f.plain(ctx, &st::SUMMONS_PROPER_NOTIFICATION);
            f.plain(ctx, &st::CC328_SANCTIONS);
            f.plain(ctx, &st::CC328_FEW_CASES);
            f.plain(ctx, &st::CC328_STATS_2023_DIS);
            f.plain(ctx, &st::CC328_STATS_2024);
            f.plain(ctx, &st::CC328_LARGE_FINES_RARE);
            f.plain(ctx, &st::CC328_FINE_DOUBLE);
            f.plain(ctx, &st::CC328_INVESTIGATOR_DISCRETION);
            f.plain(ctx, &st::CC328_NO_PRISON_ALIYEV);
            f.plain(ctx, &st::CC328_QUOTAS_FIRST);
            f.plain(ctx, &st::CC328_COURT_CAPACITY);
            f.plain(ctx, &st::CC328_POLITICAL_OPPONENTS);
        }
        Exposure::Unlikely => {
            f.add(ctx, &st::CC328_SINGLE_REFUSAL_UNLIKELY, b.clone(), &[]);
            f.add(ctx, &st::CC328_TWO_CAMPAIGNS, b, &[]);
            f.plain(ctx, &st::CC328_INTENT_REQUIRED);
            f.plain(ctx, &st::CC328_SANCTIONS);
        }
        Exposure::Unknown if year_round => {
            f.add(ctx, &st::CC328_TWO_CAMPAIGNS, b.clone(), &[]);
            f.add(ctx, &st::CC328_SINGLE_REFUSAL_UNLIKELY, b, &[]);
            f.plain(ctx, &st::CC328_INTENT_REQUIRED);
            f.plain(ctx, &st::CC328_SANCTIONS);
        }
        _ => {
            f.plain(ctx, &st::CC328_INTENT_REQUIRED);
        }
    }
    if let Some(rb) =
        super::occupied::crimea(ctx.case).filter(|_| p.exposure != Exposure::NotApplicable)
    {
        f.add(ctx, &st::OCCUPIED_CRIMEA_CASES, rb.clone(), &[]);
        f.add(ctx, &st::OCCUPIED_CRIMEA_SENTENCES, rb, &[]);
    }
    if let Some(rb) =
        super::occupied::link(ctx.case).filter(|_| p.exposure != Exposure::NotApplicable)
    {
        f.add(ctx, &st::OCCUPIED_REFUSAL_IMPOSSIBLE, rb.clone(), &[]);
        f.add(ctx, &st::OCCUPIED_NO_EXEMPTION_BY_COURT, rb.clone(), &[]);
        f.add(ctx, &st::OCCUPIED_DISCREDITING_FINE, rb, &[]);
    }
    p.findings = f.into_vec();
    let possible = p.exposure == Exposure::Possible;
    (p, possible)
}

fn cc_328_2(ctx: &Ctx<'_>) -> Penalty {
    let mut p = criminal(
        ctx,
        "cc-328-2",
        &tx::LEGAL_BASIS_CC_328_2,
        &val::CC_328_2_FINE,
    );
    let mut f = Findings::default();
    p.other_sanctions = [
        sanction(
            ctx,
            "wages",
            &tx::SANCTION_WAGES,
            &val::CC_328_2_WAGES,
            true,
        ),
        sanction(
            ctx,
            "compulsory-labour",
            &tx::SANCTION_COMPULSORY_LABOUR,
            &val::CC_328_2_COMPULSORY_LABOUR,
            false,
        ),
        sanction(
            ctx,
            "arrest",
            &tx::SANCTION_ARREST,
            &val::CC_328_2_ARREST,
            true,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Art. 328(2) punishes evading alternative civilian service once assigned to it (DIS),
    // not applying for it: an application is shown as background, not as exposure
    // (review 2.5). The input does not say whether he serves in alternative service.
    if ctx.case.alternative_service_applied == Some(true) {
        let b = vec![because(Fact::AlternativeServiceApplied, true)];
        f.add(ctx, &st::CC328_2_ALTERNATIVE_SERVICE, b.clone(), &[]);
        f.add(ctx, &st::ALT_SERVICE_APPLICATIONS_IGNORED, b.clone(), &[]);
        f.add(ctx, &st::LATER_MOC_REVIEW_2025, b, &[]);
    }
    p.exposure = Exposure::NotApplicable;
    p.findings = f.into_vec();
    p
}

fn restrictions(ctx: &mut Ctx<'_>, reads: Option<&[Read]>) -> Section<RestrictionStatus> {
    let as_of = ctx.opts.as_of;
    let mut f = Findings::default();
    let status = match reads {
        None => RestrictionStatus::Unknown,
        Some(reads) => {
            let mut apply = false;
            let mut possible = false;
            let mut before_law = false;
            for r in reads.iter().filter(|r| r.not_complied()) {
                let Some(date) = r.summons.date else {
                    possible = true;
                    ctx.missing(Fact::Summons(r.index, SummonsField::Date));
                    continue;
                };
                let mut b = r.because.clone();
                b.push(because(
                    Fact::Summons(r.index, SummonsField::Date),
                    date.to_string(),
                ));
                let Some(days) = max_at(&val::RESTRICTIONS_DAYS, date) else {
                    before_law = true;
                    f.add(ctx, &st::RESTRICTIONS_NOT_YET_IN_FORCE, b, &[]);
                    continue;
                };
                // The twenty days run from the appearance date set by the summons where it
                // is given and the later sources saying so are known on asOf; otherwise
                // from the summons (Minbuza: "within twenty days of receiving the summons").
                let from_appearance = r
                    .summons
                    .appearance_date
                    .filter(|_| known_on(&st::LATER_RESTRICTIONS_AFTER_APPEARANCE_DATE, as_of));
                if let Some(a) = from_appearance {
                    let mut ab = b.clone();
                    ab.push(because(
                        Fact::Summons(r.index, SummonsField::AppearanceDate),
                        a.to_string(),
                    ));
                    f.add(ctx, &st::LATER_RESTRICTIONS_AFTER_APPEARANCE_DATE, ab, &[]);
                }
                appearance_cap(ctx, &mut f, r);
                let Some(deadline) = from_appearance.unwrap_or(date).add_days(days) else {
                    continue;
                };
                if deadline <= as_of {
                    if r.outcome == Outcome::Ignored {
                        apply = true;
                    } else {
                        possible = true;
                    }
                    f.add(ctx, &st::RESTRICTIONS_AFTER_20_DAYS, b, &[]);
                    f.plain(ctx, &st::LATER_DRIVING_RESTRICTION_WITHIN_A_DAY);
                } else {
                    possible = true;
                    let waiting = if from_appearance.is_some() {
                        &st::LATER_RESTRICTIONS_WAITING_FROM_APPEARANCE
                    } else {
                        &st::RESTRICTIONS_WAITING_PERIOD
                    };
                    f.add(ctx, waiting, b, &[("date", Arg::Date(deadline))]);
                    f.plain(ctx, &st::RESTRICTIONS_AFTER_20_DAYS);
                }
                if r.summons.delivery == Some(Delivery::Electronic)
                    && max_at(&val::SUMMONS_REGISTER_DEEMED_SERVED, date).is_some()
                {
                    let eb = vec![because(
                        Fact::Summons(r.index, SummonsField::Delivery),
                        "electronic",
                    )];
                    f.add(ctx, &st::RESTRICTIONS_EXIT_BAN_REGISTER, eb.clone(), &[]);
                    f.add(ctx, &st::LATER_EXIT_BAN_BORDER_FIRST_CASE, eb, &[]);
                }
            }
            if apply || possible {
                f.plain(ctx, &st::RESTRICTIONS_CASE_BY_CASE);
                // How the restrictions work in practice, as later sources describe it
                // (shown from the day of each source; the disagreements come with them).
                f.plain(ctx, &st::LATER_FIRST_AUTOMATIC_RESTRICTIONS);
                f.plain(ctx, &st::LATER_NO_MASS_EXIT_BANS);
                f.plain(ctx, &st::LATER_REGISTER_CONTESTED);
                f.plain(ctx, &st::RESTRICTIONS_LIFTED);
            } else if reads.iter().any(|r| r.outcome == Outcome::Complied) {
                let b: Vec<Because> = reads.iter().flat_map(|r| r.because.clone()).collect();
                f.add(ctx, &st::RESTRICTIONS_LIFTED, b, &[]);
            }
            let _ = before_law;
            if apply {
                RestrictionStatus::Apply
            } else if possible {
                RestrictionStatus::Possible
            } else if reads.iter().any(|r| r.outcome == Outcome::Unknown) {
                RestrictionStatus::Unknown
            } else {
                RestrictionStatus::NotApplicable
            }
        }
    };
    let summary = match status {
        RestrictionStatus::Apply => &tx::SUMMARY_RESTRICTIONS_APPLY,
        RestrictionStatus::Possible => &tx::SUMMARY_RESTRICTIONS_POSSIBLE,
        RestrictionStatus::Unknown => &tx::SUMMARY_RESTRICTIONS_UNKNOWN,
        _ => &tx::SUMMARY_RESTRICTIONS_NOT_APPLICABLE,
    };
    Section {
        status,
        summary: ctx.text(summary, &[]),
        findings: f.into_vec(),
        grounds: None,
    }
}
