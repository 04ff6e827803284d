//! Return risk: what the sources describe for a man who goes back to Russia (DIS: new
//! summonses at entry points, detention after a signed summons, the wanted list, charges
//! on return; Krivenko: no public way to check).

use super::age::{AgeClass, AgeFacts};
use super::penalties::PenaltyFacts;
use super::{because, Ctx, Findings};
use crate::knowledge::{st, tx};
use crate::model::{Because, Region, Residence, Risk, Section};
use crate::model::{Fact, SummonsField};

/// The return-risk section.
pub fn assess(ctx: &mut Ctx<'_>, age: AgeFacts, pen: PenaltyFacts) -> Section<Risk> {
    let mut f = Findings::default();
    let mut b = Vec::new();
    if ctx.case.residence == Some(Residence::Abroad) {
        b.push(because(Fact::Residence, "abroad"));
    }
    if let Some(p) = ctx.case.abroad.as_ref().and_then(|a| a.planning_return) {
        b.push(because(Fact::AbroadPlanningReturn, p));
    }
    let lives_there = matches!(
        ctx.case.residence,
        Some(Residence::Russia | Residence::OccupiedUkraine)
    );
    let status = if lives_there {
        // He lives in Russia or in the territories it occupies: there is no return; what
        // matters is being found there.
        Risk::NotApplicable
    } else if pen.criminal_possible {
        Risk::High
    } else if age.class == AgeClass::Unknown || !pen.summonses_known || pen.outcome_unknown {
        // Whether he ignored a summons decides between the statuses.
        Risk::Unknown
    } else if age.class == AgeClass::Within || pen.ignored {
        // Within the ages, or outside them with an ignored summons that may still be on
        // file. One ignored summons is not "high": DIS considers a criminal case very
        // unlikely after a single refusal (review 1.5).
        Risk::Moderate
    } else {
        Risk::Low
    };
    let mut summary = match status {
        Risk::High => &tx::SUMMARY_RETURN_HIGH,
        Risk::Moderate if pen.ignored => &tx::SUMMARY_RETURN_MODERATE_IGNORED,
        Risk::Moderate => &tx::SUMMARY_RETURN_MODERATE,
        Risk::Low => &tx::SUMMARY_RETURN_LOW,
        Risk::NotApplicable => &tx::SUMMARY_RETURN_NOT_APPLICABLE,
        _ => &tx::SUMMARY_RETURN_UNKNOWN,
    };
    match status {
        Risk::NotApplicable => {
            let r = ctx.case.residence.map_or("", |r| r.as_str());
            let rb = vec![because(Fact::Residence, r)];
            f.add(ctx, &st::RETURN_POLICE_SEARCH, rb.clone(), &[]);
            f.add(ctx, &st::DEFERRAL_RAIDS, rb.clone(), &[]);
            if ctx.case.region == Some(Region::Dagestan) {
                f.add(
                    ctx,
                    &st::STUDY_DAGESTAN_RAIDS,
                    vec![because(Fact::Region, "dagestan")],
                    &[],
                );
            }
            if pen.ignored {
                let ib = pen_because(ctx);
                f.add(ctx, &st::RETURN_DETENTION_AFTER_SIGNING, ib.clone(), &[]);
                f.add(ctx, &st::RETURN_FINE_NO_EXEMPTION, ib.clone(), &[]);
                f.add(ctx, &st::RETURN_NEW_SUMMONS_NEXT_DAY, ib.clone(), &[]);
                if pen.criminal_possible {
                    f.add(ctx, &st::RETURN_WANTED_LIST, ib, &[]);
                    summary = &tx::SUMMARY_RETURN_NOT_APPLICABLE_WANTED;
                } else {
                    f.add(ctx, &st::CC328_SINGLE_REFUSAL_UNLIKELY, ib, &[]);
                }
            }
            f.add(ctx, &st::RETURN_OPTIONS_REDUCED, rb.clone(), &[]);
            f.add(ctx, &st::RETURN_HIDING_POSSIBLE, rb, &[]);
        }
        Risk::High => {
            f.add(ctx, &st::RETURN_SUMMONS_AT_ENTRY, b.clone(), &[]);
            f.plain(ctx, &st::RETURN_DETENTION_AFTER_SIGNING);
            f.add(ctx, &st::RETURN_WANTED_LIST, b.clone(), &[]);
            f.plain(ctx, &st::RETURN_CHARGED_ON_RETURN);
            f.plain(ctx, &st::RETURN_NO_PUBLIC_CHECK);
            f.plain(ctx, &st::RETURN_FINE_NO_EXEMPTION);
            f.plain(ctx, &st::RETURN_NEW_SUMMONS_NEXT_DAY);
            f.plain(ctx, &st::RETURN_POLICE_SEARCH);
            f.plain(ctx, &st::RETURN_EACH_CAMPAIGN_DECREE);
            f.plain(ctx, &st::RETURN_FREEDOM_HOUSE);
        }
        Risk::Moderate if pen.ignored => {
            let mut ib = b.clone();
            ib.extend(pen_because(ctx));
            f.add(ctx, &st::RETURN_SUMMONS_AT_ENTRY, b, &[]);
            f.add(ctx, &st::CC328_SINGLE_REFUSAL_UNLIKELY, ib.clone(), &[]);
            f.add(ctx, &st::RETURN_FINE_NO_EXEMPTION, ib, &[]);
            f.plain(ctx, &st::RETURN_NEW_SUMMONS_NEXT_DAY);
            f.plain(ctx, &st::RETURN_DETENTION_AFTER_SIGNING);
            f.plain(ctx, &st::RETURN_POLICE_SEARCH);
            f.plain(ctx, &st::RETURN_NO_PUBLIC_CHECK);
            f.plain(ctx, &st::RETURN_AGE_LIMIT);
        }
        Risk::Moderate => {
            f.add(ctx, &st::RETURN_SUMMONS_AT_ENTRY, b, &[]);
            f.plain(ctx, &st::RETURN_POLICE_SEARCH);
            f.plain(ctx, &st::RETURN_OPTIONS_REDUCED);
            f.plain(ctx, &st::RETURN_AGE_LIMIT);
            f.plain(ctx, &st::RETURN_NO_PUBLIC_CHECK);
        }
        Risk::Low => {
            f.plain(ctx, &st::RETURN_AGE_LIMIT);
        }
        _ => {
            f.plain(ctx, &st::RETURN_SUMMONS_AT_ENTRY);
            f.plain(ctx, &st::RETURN_AGE_LIMIT);
        }
    }
    if ctx.case.residence.is_none() && status != Risk::Low {
        f.plain(ctx, &st::RETURN_HIDING_POSSIBLE);
    }
    // After an ignored summons: the exit ban met at the border and the restrictions applied
    // automatically, as later sources report them (each from its own date).
    if pen.ignored && age.class == AgeClass::Within {
        f.plain(ctx, &st::LATER_EXIT_BAN_BORDER_FIRST_CASE);
        f.plain(ctx, &st::LATER_FIRST_AUTOMATIC_RESTRICTIONS);
    }
    Section {
        status,
        summary: ctx.text(summary, &[]),
        findings: f.into_vec(),
        grounds: None,
    }
}

/// The input facts behind "he ignored a summons": each summons he did not appear for.
fn pen_because(ctx: &Ctx<'_>) -> Vec<Because> {
    ctx.case
        .summonses
        .iter()
        .flatten()
        .enumerate()
        .filter(|(_, s)| s.appeared == Some(false) && s.valid_reason != Some(true))
        .map(|(i, _)| because(Fact::Summons(i, SummonsField::Appeared), false))
        .collect()
}
