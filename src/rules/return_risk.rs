//! Return risk: what the sources describe for a man who goes back to Russia (DIS: new
//! summonses at entry points, detention after a signed summons, the wanted list, charges
//! on return; Krivenko: no public way to check).

use super::age::{AgeClass, AgeFacts};
use super::penalties::PenaltyFacts;
use super::{because, Ctx, Findings};
use crate::knowledge::{st, tx};
use crate::model::{Residence, Section};

/// The return-risk section.
pub fn assess(ctx: &mut Ctx<'_>, age: AgeFacts, pen: PenaltyFacts) -> Section {
    let mut f = Findings::default();
    let mut b = Vec::new();
    if ctx.case.residence == Some(Residence::Abroad) {
        b.push(because("residence", "abroad"));
    }
    if let Some(p) = ctx.case.abroad.as_ref().and_then(|a| a.planning_return) {
        b.push(because("abroad.planningReturn", p));
    }
    let status = if pen.criminal_possible || (age.class == AgeClass::Within && pen.ignored) {
        "high"
    } else if age.class == AgeClass::Unknown || !pen.summonses_known || pen.outcome_unknown {
        // Whether he ignored a summons decides between the statuses.
        "unknown"
    } else if age.class == AgeClass::Within {
        "moderate"
    } else if pen.ignored {
        // Outside the ages now, but an ignored summons may still be on file.
        "moderate"
    } else {
        "low"
    };
    match status {
        "high" => {
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
        "moderate" => {
            f.add(ctx, &st::RETURN_SUMMONS_AT_ENTRY, b, &[]);
            f.plain(ctx, &st::RETURN_POLICE_SEARCH);
            f.plain(ctx, &st::RETURN_OPTIONS_REDUCED);
            f.plain(ctx, &st::RETURN_AGE_LIMIT);
            f.plain(ctx, &st::RETURN_NO_PUBLIC_CHECK);
        }
        "low" => {
            f.plain(ctx, &st::RETURN_AGE_LIMIT);
        }
        _ => {
            f.plain(ctx, &st::RETURN_SUMMONS_AT_ENTRY);
            f.plain(ctx, &st::RETURN_AGE_LIMIT);
        }
    }
    if ctx.case.residence != Some(Residence::Abroad) && status != "low" {
        f.plain(ctx, &st::RETURN_HIDING_POSSIBLE);
    }
    // After an ignored summons: the exit ban met at the border and the restrictions applied
    // automatically, as later sources report them (each from its own date).
    if pen.ignored && age.class == AgeClass::Within {
        f.plain(ctx, &st::LATER_EXIT_BAN_BORDER_FIRST_CASE);
        f.plain(ctx, &st::LATER_FIRST_AUTOMATIC_RESTRICTIONS);
    }
    let summary = match status {
        "high" => &tx::SUMMARY_RETURN_HIGH,
        "moderate" => &tx::SUMMARY_RETURN_MODERATE,
        "low" => &tx::SUMMARY_RETURN_LOW,
        _ => &tx::SUMMARY_RETURN_UNKNOWN,
    };
    Section {
        status,
        summary: ctx.text(summary, &[]),
        findings: f.into_vec(),
    }
}
