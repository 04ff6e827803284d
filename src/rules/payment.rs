//! Payment: buying a deferral or an exemption is bribery (OSAR; DIS/Krivenko), with the
//! black-market prices Platform RAAM reports and the traps it describes.

use super::{because, Ctx, Findings};
use crate::knowledge::{st, tx, PRICES};
use crate::model::Fact;
use crate::model::{PaymentSection, PaymentStatus, PriceOut, StudyLevel};

/// The payment section: always "illegal".
pub fn assess(ctx: &mut Ctx<'_>) -> PaymentSection {
    let mut f = Findings::default();
    f.plain(ctx, &st::PAYMENT_ILLEGAL);
    if let Some(
        level @ (StudyLevel::University | StudyLevel::Postgraduate | StudyLevel::TechnicalCollege),
    ) = ctx.case.studies.as_ref().and_then(|s| s.current)
    {
        f.add(
            ctx,
            &st::PAYMENT_ENROLMENT_BOUGHT,
            vec![because(Fact::StudiesCurrent, level.as_str())],
            &[],
        );
    } else {
        f.plain(ctx, &st::PAYMENT_ENROLMENT_BOUGHT);
    }
    f.plain(ctx, &st::PAYMENT_DOCTORS_INFORMANTS);
    f.plain(ctx, &st::PAYMENT_DATABASE_REMOVAL);
    f.plain(ctx, &st::PAYMENT_OFFICIALS_SIGN_CONTRACTS);
    if let Some(b) = super::occupied::link(ctx.case) {
        f.add(ctx, &st::PAYMENT_OCCUPIED_BRIBES, b, &[]);
    }
    let prices = PRICES
        .iter()
        .map(|p| PriceOut {
            id: p.id,
            text: ctx.finding(p.statement, Vec::new(), &[]).text,
            price: ctx.money(p.min, p.max),
            sources: super::cites_out(p.cites),
        })
        .collect();
    PaymentSection {
        status: PaymentStatus::Illegal,
        summary: ctx.text(&tx::SUMMARY_PAYMENT_ILLEGAL, &[]),
        findings: f.into_vec(),
        prices,
    }
}
