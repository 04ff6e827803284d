//! Deployment risk: where conscripts were sent or fought (Kursk, Belgorod, Bryansk, Crimea,
//! the annexed regions — where the sources disagree), the four-month rule, the pressure to
//! sign contracts, forged signatures and payments before signing, and the occupied
//! territories (DW).

use super::age::{AgeClass, AgeFacts};
use super::{because, Ctx, Findings};
use crate::knowledge::{st, tx, val, Arg};
use crate::model::Fact;
use crate::model::{ContractStage, Region, Risk, Section, ServiceStatus};

fn region_findings(ctx: &Ctx<'_>, f: &mut Findings, region: Region, path: Fact) {
    let b = vec![because(path, region.as_str())];
    match region {
        Region::Kursk => {
            f.add(ctx, &st::DEPLOYMENT_KURSK_COUNTER_TERRORIST, b.clone(), &[]);
            f.add(
                ctx,
                &st::DEPLOYMENT_KURSK_CONSCRIPTS_MAJORITY,
                b.clone(),
                &[],
            );
            f.add(ctx, &st::DEPLOYMENT_KURSK_CASUALTIES_ALIYEV, b.clone(), &[]);
            f.add(ctx, &st::DEPLOYMENT_KURSK_BELGOROD_MINBUZA, b.clone(), &[]);
            f.add(ctx, &st::CONTRACT_KURSK_MOTHERS, b.clone(), &[]);
            f.add(ctx, &st::DEPLOYMENT_BORDER_REGIONS_CHUVILYAEV, b, &[]);
        }
        Region::Belgorod => {
            f.add(ctx, &st::DEPLOYMENT_KURSK_BELGOROD_MINBUZA, b.clone(), &[]);
            f.add(
                ctx,
                &st::DEPLOYMENT_BORDER_REGIONS_CHUVILYAEV,
                b.clone(),
                &[],
            );
            f.add(ctx, &st::DEPLOYMENT_BORDER_GUARD, b, &[]);
        }
        Region::Bryansk => {
            f.add(
                ctx,
                &st::DEPLOYMENT_BORDER_REGIONS_CHUVILYAEV,
                b.clone(),
                &[],
            );
            f.add(ctx, &st::DEPLOYMENT_BORDER_GUARD, b, &[]);
        }
        Region::Crimea | Region::Sevastopol => {
            f.add(ctx, &st::DEPLOYMENT_CRIMEA, b.clone(), &[]);
            f.add(ctx, &st::DEPLOYMENT_BORDER_REGIONS_CHUVILYAEV, b, &[]);
        }
        Region::Donetsk | Region::Luhansk | Region::Zaporizhzhia | Region::Kherson => {
            f.add(ctx, &st::DEPLOYMENT_ANNEXED_DEBATED, b.clone(), &[]);
            f.add(ctx, &st::DEPLOYMENT_ANNEXED_SUPPORT_TASKS, b.clone(), &[]);
            f.add(ctx, &st::DEPLOYMENT_MISSILE_STRIKES, b.clone(), &[]);
            f.add(ctx, &st::DEPLOYMENT_BORDER_REGIONS_CHUVILYAEV, b, &[]);
        }
        _ => {}
    }
}

/// Regions where the sources describe conscripts fighting or being sent.
pub fn is_high_region(r: Region) -> bool {
    matches!(
        r,
        Region::Kursk
            | Region::Belgorod
            | Region::Bryansk
            | Region::Crimea
            | Region::Sevastopol
            | Region::Donetsk
            | Region::Luhansk
            | Region::Zaporizhzhia
            | Region::Kherson
    )
}

/// The deployment section.
pub fn assess(ctx: &mut Ctx<'_>, age: AgeFacts) -> Section<Risk> {
    let as_of = ctx.opts.as_of;
    let mut f = Findings::default();
    let service = ctx.case.service.clone();
    let status_in = service.as_ref().map(|s| s.status);
    let serving = matches!(
        status_in,
        Some(ServiceStatus::Conscript | ServiceStatus::Contract)
    );
    let contract = service
        .as_ref()
        .and_then(|s| s.contract.clone())
        .unwrap_or_default();
    // He lives there (the status depends on it) / he lives there or comes from there (the
    // findings are shown).
    let occupied = super::occupied::lives_there(ctx.case);
    let link = super::occupied::link(ctx.case);
    let mut not_covered = false;

    let status: Risk = if !serving && matches!(age.class, AgeClass::Below | AgeClass::Above) {
        Risk::NotApplicable
    } else if serving {
        let mut high = status_in == Some(ServiceStatus::Contract);
        if high {
            f.add(
                ctx,
                &st::CONTRACT_INDEFINITE,
                vec![because(Fact::ServiceStatus, "contract")],
                &[],
            );
            f.add(
                ctx,
                &st::CONTRACT_DEPLOYABLE_AT_ONCE,
                vec![because(Fact::ServiceStatus, "contract")],
                &[],
            );
            f.plain(ctx, &st::CONTRACT_COURT_50_50);
            f.plain(ctx, &st::CONTRACT_HRC_DESERTION);
        }
        match contract.stage {
            Some(ContractStage::Signed) => {
                high = true;
                let b = vec![because(Fact::ServiceContractStage, "signed")];
                f.add(ctx, &st::CONTRACT_INDEFINITE, b.clone(), &[]);
                f.add(ctx, &st::CONTRACT_DEPLOYABLE_AT_ONCE, b.clone(), &[]);
                f.add(ctx, &st::CONTRACT_COURT_50_50, b, &[]);
            }
            Some(ContractStage::Application) => {
                high = true;
                f.add(
                    ctx,
                    &st::CONTRACT_TWO_STEPS,
                    vec![because(Fact::ServiceContractStage, "application")],
                    &[],
                );
                f.plain(ctx, &st::CONTRACT_DEPLOYABLE_AT_ONCE);
            }
            _ => {}
        }
        if contract.forged == Some(true) {
            high = true;
            let b = vec![because(Fact::ServiceContractForged, true)];
            f.add(ctx, &st::CONTRACT_FORGED, b.clone(), &[]);
            f.add(ctx, &st::CONTRACT_UNAWARE_OF_SIGNING, b.clone(), &[]);
            f.add(ctx, &st::CONTRACT_COURT_50_50, b, &[]);
        }
        if contract.payment_received == Some(true) {
            high = true;
            f.add(
                ctx,
                &st::CONTRACT_PAYMENT_BEFORE_SIGNING,
                vec![because(Fact::ServiceContractPaymentReceived, true)],
                &[],
            );
        }
        if contract.voluntary == Some(false) {
            f.add(
                ctx,
                &st::CONTRACT_VIOLENCE,
                vec![because(Fact::ServiceContractVoluntary, false)],
                &[],
            );
        }
        match service.as_ref().and_then(|s| s.region) {
            Some(r) => {
                if is_high_region(r) {
                    high = true;
                }
                region_findings(ctx, &mut f, r, Fact::ServiceRegion);
            }
            None => ctx.missing(Fact::ServiceRegion),
        }
        if status_in == Some(ServiceStatus::Conscript) {
            let b = vec![because(Fact::ServiceStatus, "conscript")];
            f.add(ctx, &st::DEPLOYMENT_LAW_REAR_TASKS, b.clone(), &[]);
            f.plain(ctx, &st::DEPLOYMENT_INSIDE_RUSSIA);
            f.plain(ctx, &st::DEPLOYMENT_ISW_ASSURANCES);
            match service.as_ref().and_then(|s| s.start) {
                Some(start) => {
                    let months = start.months_until(as_of);
                    let min = val::COMBAT_MIN_MONTHS
                        .at(as_of)
                        .and_then(|s| s.max)
                        .unwrap_or(4);
                    let sb = vec![because(Fact::ServiceStart, start.to_string())];
                    if months >= min {
                        f.add(
                            ctx,
                            &st::DEPLOYMENT_MONTHS_SERVED,
                            sb,
                            &[("months", Arg::Int(months))],
                        );
                    } else {
                        f.add(ctx, &st::DEPLOYMENT_FOUR_MONTHS, sb, &[]);
                    }
                    // The law in force now decides whether he can be made to sign at once.
                    if val::CONTRACT_MIN_MONTHS.at(as_of).and_then(|s| s.max) == Some(0) {
                        f.add(
                            ctx,
                            &st::CONTRACT_FIRST_DAY,
                            vec![because(Fact::ServiceStart, start.to_string())],
                            &[],
                        );
                    }
                }
                None => {
                    ctx.missing(Fact::ServiceStart);
                    f.plain(ctx, &st::DEPLOYMENT_FOUR_MONTHS);
                    if val::CONTRACT_MIN_MONTHS.at(as_of).and_then(|s| s.max) == Some(0) {
                        f.plain(ctx, &st::CONTRACT_FIRST_DAY);
                    }
                }
            }
            f.add(ctx, &st::CONTRACT_PRESSURE, b.clone(), &[]);
            f.add(ctx, &st::DEPLOYMENT_TRANSFER_TO_KURSK, b.clone(), &[]);
            f.plain(ctx, &st::DEPLOYMENT_BORDER_GUARD);
            f.plain(ctx, &st::CONTRACT_VIOLENCE);
            f.plain(ctx, &st::CONTRACT_CHUVILYAEV_PERSUASION);
            f.plain(ctx, &st::CONTRACT_REFUSAL_POSSIBLE);
            f.plain(ctx, &st::CONTRACT_COERCION_MORE_COMMON);
            f.plain(ctx, &st::CONTRACT_ANTONOV);
            f.plain(ctx, &st::CONTRACT_FORGED);
            f.plain(ctx, &st::CONTRACT_TWO_STEPS);
            f.plain(ctx, &st::CONTRACT_NO_LAWYERS);
            f.plain(ctx, &st::CONTRACT_ETHNIC_MINORITIES);
        }
        if high {
            f.plain(ctx, &st::DEPLOYMENT_COMBAT_WITHOUT_CONTRACT);
            f.plain(ctx, &st::DEPLOYMENT_FREEDOM_HOUSE_FRONT);
            Risk::High
        } else {
            Risk::Moderate
        }
    } else if matches!(
        contract.stage,
        Some(ContractStage::Application | ContractStage::Signed)
    ) {
        // Not serving yet, but a contract is under way or signed.
        let stage = contract.stage.map_or("", |s| s.as_str());
        let b = vec![because(Fact::ServiceContractStage, stage)];
        if contract.stage == Some(ContractStage::Application) {
            f.add(ctx, &st::CONTRACT_TWO_STEPS, b.clone(), &[]);
        } else {
            f.add(ctx, &st::CONTRACT_INDEFINITE, b.clone(), &[]);
            f.add(ctx, &st::CONTRACT_COURT_50_50, b.clone(), &[]);
        }
        f.add(ctx, &st::CONTRACT_DEPLOYABLE_AT_ONCE, b, &[]);
        Risk::High
    } else if status_in == Some(ServiceStatus::Completed) {
        f.add(
            ctx,
            &st::DEPLOYMENT_LAW_REAR_TASKS,
            vec![because(Fact::ServiceStatus, "completed")],
            &[],
        );
        if let Some(b) = link.clone() {
            let mut sb = b;
            sb.push(because(Fact::ServiceStatus, "completed"));
            f.add(ctx, &st::OCCUPIED_PRIOR_SERVICE_NO_EXEMPTION, sb, &[]);
        }
        if occupied {
            Risk::Moderate
        } else {
            // No source covers reservists: the status is unknown, not "low" (review 1.2).
            f.add(
                ctx,
                &st::DEPLOYMENT_RESERVISTS_NOT_COVERED,
                vec![because(Fact::ServiceStatus, "completed")],
                &[],
            );
            not_covered = true;
            Risk::Unknown
        }
    } else if age.class == AgeClass::Unknown {
        f.plain(ctx, &st::DEPLOYMENT_LAW_REAR_TASKS);
        Risk::Unknown
    } else {
        // Within the ages, not serving: a future conscript.
        if service.is_none() {
            ctx.missing(Fact::ServiceStatus);
        }
        f.plain(ctx, &st::CALLUP_SPRING_2025);
        f.plain(ctx, &st::CALLUP_AUTUMN_2024);
        f.plain(ctx, &st::DEPLOYMENT_LAW_REAR_TASKS);
        f.plain(ctx, &st::DEPLOYMENT_INSIDE_RUSSIA);
        f.plain(ctx, &st::DEPLOYMENT_EARLY_WAR);
        f.plain(ctx, &st::DEPLOYMENT_FOUR_MONTHS);
        if val::CONTRACT_MIN_MONTHS.at(as_of).and_then(|s| s.max) == Some(0) {
            f.plain(ctx, &st::CONTRACT_FIRST_DAY);
        }
        f.plain(ctx, &st::CONTRACT_PRESSURE);
        f.plain(ctx, &st::DEPLOYMENT_TRANSFER_TO_KURSK);
        f.plain(ctx, &st::DEPLOYMENT_OFFICIAL_PROMISES);
        f.plain(ctx, &st::DEPLOYMENT_KURSK_PERCEPTION);
        if let Some(b) = link.clone() {
            f.add(ctx, &st::OCCUPIED_CALL_UP_APPLIES, b.clone(), &[]);
            f.add(ctx, &st::OCCUPIED_TRAINING_IN_RUSSIA, b.clone(), &[]);
            f.add(ctx, &st::OCCUPIED_FRONT_AFTER_CONTRACT, b.clone(), &[]);
            f.add(ctx, &st::OCCUPIED_CONTRACT_PERSUASION, b.clone(), &[]);
            f.add(ctx, &st::OCCUPIED_HUMAN_SHIELDS, b.clone(), &[]);
            f.add(ctx, &st::OCCUPIED_VOLUNTARY_CONTRACTS_REPORTED, b, &[]);
        }
        // The sources describe the risk for men who are there; for a man who only comes
        // from there the findings are shown but the status is not raised.
        if occupied {
            Risk::High
        } else {
            Risk::Moderate
        }
    };
    if let Some(b) = link.filter(|_| status != Risk::NotApplicable) {
        f.add(ctx, &st::OCCUPIED_NUMBERS_FALL_2024, b.clone(), &[]);
        f.add(ctx, &st::OCCUPIED_SPRING_2025, b.clone(), &[]);
        f.add(ctx, &st::OCCUPIED_CONTRACT_BONUSES, b, &[]);
        if let Some(rb) = super::occupied::crimea(ctx.case) {
            f.add(ctx, &st::OCCUPIED_CRIMEA_CONSCRIPTED, rb.clone(), &[]);
            f.add(ctx, &st::OCCUPIED_CRIMEA_KILLED, rb, &[]);
        }
    }
    if status == Risk::High || status == Risk::Moderate {
        f.plain(ctx, &st::DEPLOYMENT_CONSCRIPTS_KILLED_BBC);
    }
    // Later sources on conscripts (each from its own date): the Ministry's claim and the
    // reports of coercion that contradict it, border duty, conscripts killed in Kursk and
    // Belgorod. Not for a contract soldier: they concern men serving as conscripts.
    if (status == Risk::High || status == Risk::Moderate)
        && status_in != Some(ServiceStatus::Contract)
    {
        f.plain(ctx, &st::LATER_MOD_NO_CONSCRIPTS_SENT);
        f.plain(ctx, &st::LATER_COERCION_CONTRACTS_2026);
        f.plain(ctx, &st::LATER_MEDUZA_BORDER_DUTY);
        f.plain(ctx, &st::LATER_KURSK_CONSCRIPTS_KILLED_60);
        f.plain(ctx, &st::LATER_BELGOROD_CONSCRIPTS_KILLED_2025);
    }
    let summary = match status {
        Risk::High => &tx::SUMMARY_DEPLOYMENT_HIGH,
        Risk::Moderate => &tx::SUMMARY_DEPLOYMENT_MODERATE,
        Risk::Low => &tx::SUMMARY_DEPLOYMENT_LOW,
        Risk::Unknown if not_covered => &tx::SUMMARY_DEPLOYMENT_UNKNOWN_NOT_COVERED,
        Risk::Unknown => &tx::SUMMARY_DEPLOYMENT_UNKNOWN,
        _ => &tx::SUMMARY_DEPLOYMENT_NOT_APPLICABLE,
    };
    Section {
        status,
        summary: ctx.text(summary, &[]),
        findings: f.into_vec(),
        grounds: None,
    }
}
