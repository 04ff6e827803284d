//! The occupied Ukrainian territories: whether a case is tied to them, by where he lives now
//! (`residence`) or by where he comes from (`origin.region`), and the "because" entries that
//! say which. The sections (deferral, penalties, deployment, payment) ask here before showing
//! the `occupied.*` findings, so that a man from an annexed region who now lives abroad gets
//! the same material as one who still lives there. The citizenship findings are chosen here
//! too: the sources tie consequences only to holding a Russian passport (DW: men who received
//! one are subject to compulsory service; HRC: recent citizens forced to register); nothing is
//! said about a passport's consequence for a man abroad, so nothing is added for that.

use super::{because, Ctx, Findings};
use crate::knowledge::st;
use crate::model::Fact;
use crate::model::{Because, CaseInput, Region, Residence};

/// The Ukrainian regions Russia has annexed (Crimea and Sevastopol since 2014; Donetsk,
/// Luhansk, Zaporizhzhia and Kherson since 2022).
pub fn is_annexed_ukrainian(r: Region) -> bool {
    matches!(
        r,
        Region::Crimea
            | Region::Sevastopol
            | Region::Donetsk
            | Region::Luhansk
            | Region::Zaporizhzhia
            | Region::Kherson
    )
}

fn origin_region(case: &CaseInput) -> Option<Region> {
    case.origin
        .as_ref()
        .and_then(|o| o.region)
        .filter(|r| is_annexed_ukrainian(*r))
}

/// Why the case is tied to the occupied territories: he lives there now, or he comes from an
/// annexed Ukrainian region; `None` when neither.
pub fn link(case: &CaseInput) -> Option<Vec<Because>> {
    if case.residence == Some(Residence::OccupiedUkraine) {
        return Some(vec![because(Fact::Residence, "occupied-ukraine")]);
    }
    origin_region(case).map(|r| vec![because(Fact::OriginRegion, r.as_str())])
}

/// He lives in the occupied territories now (the statuses that depend on where he is read
/// this, not [`link`]).
pub fn lives_there(case: &CaseInput) -> bool {
    case.residence == Some(Residence::OccupiedUkraine)
}

/// Why the Crimea findings apply: his current region, or the region he comes from.
pub fn crimea(case: &CaseInput) -> Option<Vec<Because>> {
    let crimean = |r: &Region| matches!(r, Region::Crimea | Region::Sevastopol);
    if let Some(r) = case.region.filter(crimean) {
        return Some(vec![because(Fact::Region, r.as_str())]);
    }
    origin_region(case)
        .filter(crimean)
        .map(|r| vec![because(Fact::OriginRegion, r.as_str())])
}

/// He holds a Russian passport (as stated).
pub fn russian_passport(case: &CaseInput) -> bool {
    case.citizenship.as_ref().and_then(|c| c.russian_passport) == Some(true)
}

/// The findings tied to a Russian passport: DW on men with a Russian passport from the
/// occupied territories being subject to compulsory service (when the case is tied to those
/// territories), the HRC on recent citizens forced to register (when the day he received it
/// is given).
pub fn citizenship_findings(ctx: &Ctx<'_>, f: &mut Findings) {
    let case = ctx.case;
    if !russian_passport(case) {
        return;
    }
    let passport = because(Fact::CitizenshipRussianPassport, true);
    if let Some(mut b) = link(case) {
        b.push(passport.clone());
        f.add(ctx, &st::OCCUPIED_PRIOR_SERVICE_NO_EXEMPTION, b, &[]);
    }
    if let Some(since) = case.citizenship.as_ref().and_then(|c| c.since) {
        let b = vec![passport, because(Fact::CitizenshipSince, since.to_string())];
        f.add(ctx, &st::CITIZENSHIP_RECENT_CITIZENS_REGISTERED, b, &[]);
    }
}
