//! Warnings: the knowledge is older than a year on asOf, and the later developments the
//! knowledge base knows of (BEYOND-SEED.md), which the assessment does not reflect.

use super::{Ctx, Findings};
use crate::knowledge::{st, Arg, Statement, META};
use crate::model::Finding;

/// Developments after the report, each shown once its source's date has passed on asOf.
static LATER: [&Statement; 5] = [
    &st::LATER_AUTUMN_2025,
    &st::LATER_YEAR_ROUND_CONSCRIPTION,
    &st::LATER_SUMMONS_30_DAYS,
    &st::LATER_ELECTRONIC_ONLY,
    &st::LATER_CALL_UP_2026,
];

/// The warnings.
pub fn assess(ctx: &mut Ctx<'_>) -> Vec<Finding> {
    let as_of = ctx.opts.as_of;
    let mut f = Findings::default();
    let stale = META
        .report_date
        .add_days(META.stale_after_days)
        .is_some_and(|d| as_of > d);
    if stale {
        f.add(
            ctx,
            &st::KNOWLEDGE_STALE,
            Vec::new(),
            &[
                ("reportDate", Arg::Date(META.report_date)),
                ("date", Arg::Date(as_of)),
            ],
        );
    }
    // Not reflected in the report (some predate it by days): shown once their source's
    // date has passed on asOf.
    for s in LATER {
        let date = s.cites.first().map(|c| c.source.date);
        if date.is_some_and(|d| d <= as_of) {
            f.plain(ctx, s);
        }
    }
    f.into_vec()
}
