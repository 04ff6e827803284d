//! Warnings: the knowledge is older than its `current_to` date (plus a grace period) on asOf,
//! and the developments after the report that the knowledge base lists for context
//! (BEYOND-SEED.md, LATER-DEVELOPMENTS.md), each shown once its sources are dated.

use super::{known_on, Ctx, Findings};
use crate::knowledge::{st, Arg, Origin, Statement, META};
use crate::model::Finding;

/// Developments after the report, each shown once its source's date has passed on asOf.
static LATER: [&Statement; 6] = [
    &st::LATER_AUTUMN_2025,
    &st::LATER_YEAR_ROUND_CONSCRIPTION,
    &st::LATER_SUMMONS_30_DAYS,
    &st::LATER_ELECTRONIC_ONLY,
    &st::LATER_CALL_UP_2026,
    &st::LATER_IT_DEFERRAL_2026,
];

/// Whether the knowledge is flagged as old on `as_of`: more than `stale_after_days` after
/// the latest date it covers.
pub fn stale_on(as_of: crate::date::Date) -> bool {
    META.current_to
        .add_days(META.stale_after_days)
        .is_some_and(|d| as_of > d)
}

/// The warnings.
pub fn assess(ctx: &mut Ctx<'_>) -> Vec<Finding> {
    let as_of = ctx.opts.as_of;
    let mut f = Findings::default();
    if stale_on(as_of) {
        f.add(
            ctx,
            &st::KNOWLEDGE_STALE,
            Vec::new(),
            &[
                ("reportDate", Arg::Date(META.report_date)),
                ("currentTo", Arg::Date(META.current_to)),
                ("date", Arg::Date(as_of)),
            ],
        );
    }
    // Shown once their source's date has passed on asOf (some predate the report by days
    // but are not reflected in it).
    for s in LATER {
        let known = match s.origin {
            Origin::Later => known_on(s, as_of),
            _ => s.cites.first().is_some_and(|c| c.source().date <= as_of),
        };
        if known {
            f.plain(ctx, s);
        }
    }
    f.into_vec()
}
