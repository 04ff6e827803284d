//! Deferral: the study ground (DIS; Caucasian Knot), the health categories (Federal Law
//! 53-FZ Art. 23–24, Government Resolution No. 565), and what in practice defeats them
//! (DIS, Platform RAAM, RFE/RL).

use super::age::{AgeClass, AgeFacts};
use super::{because, Ctx, Findings};
use crate::knowledge::{st, tx};
use crate::model::{Fitness, Residence, Section, ServiceStatus, StudyLevel};

/// The deferral section.
pub fn assess(ctx: &mut Ctx<'_>, age: AgeFacts) -> Section {
    let mut f = Findings::default();
    let case = ctx.case;
    let serving = matches!(
        case.service.as_ref().map(|s| s.status),
        Some(ServiceStatus::Conscript | ServiceStatus::Contract)
    );
    if serving || matches!(age.class, AgeClass::Below | AgeClass::Above) {
        return Section {
            status: "not-applicable",
            summary: ctx.text(&tx::SUMMARY_DEFERRAL_NOT_APPLICABLE, &[]),
            findings: f.into_vec(),
        };
    }

    // Each ground: Some(true) applies, Some(false) lost or absent, None undecided.
    let mut ground = false; // some ground applies
    let mut undecided = false; // a deciding fact is missing

    // Health.
    let health = case.health.clone().unwrap_or_default();
    match health.fitness {
        Some(cat @ (Fitness::V | Fitness::G | Fitness::D)) => {
            let b = vec![because("health.fitness", cat.as_str())];
            let s = match cat {
                Fitness::V => &st::HEALTH_CATEGORY_V,
                Fitness::G => &st::HEALTH_CATEGORY_G,
                _ => &st::HEALTH_CATEGORY_D,
            };
            f.add(ctx, s, b.clone(), &[]);
            f.add(ctx, &st::HEALTH_DIAGNOSES_IGNORED, b.clone(), &[]);
            let mut db = b;
            if let Some(d) = health.documented {
                db.push(because("health.documented", d));
            } else {
                ctx.missing("health.documented");
            }
            f.add(ctx, &st::HEALTH_DOCUMENTS_CHECKED, db, &[]);
            ground = true;
        }
        Some(cat) => f.add(
            ctx,
            &st::HEALTH_FIT,
            vec![because("health.fitness", cat.as_str())],
            &[],
        ),
        None => {
            ctx.missing("health.fitness");
            undecided = true;
        }
    }

    // Studies.
    let studies = case.studies.clone().unwrap_or_default();
    let mut study_lost = false;
    match studies.current {
        None => {
            ctx.missing("studies.current");
            undecided = true;
        }
        Some(StudyLevel::None) => {
            f.add(
                ctx,
                &st::STUDY_NOT_ENROLLED,
                vec![because("studies.current", "none")],
                &[],
            );
        }
        Some(StudyLevel::School) => {
            f.add(
                ctx,
                &st::STUDY_SCHOOL_NOT_DESCRIBED,
                vec![because("studies.current", "school")],
                &[],
            );
            undecided = true;
        }
        Some(level) => {
            let b_level = because("studies.current", level.as_str());
            let mut decided_here = true;
            f.add(
                ctx,
                &st::STUDY_DEFERRAL_AUTOMATIC,
                vec![b_level.clone()],
                &[],
            );
            if level == StudyLevel::TechnicalCollege {
                f.add(ctx, &st::STUDY_COLLEGE_DEFERRAL, vec![b_level.clone()], &[]);
            }
            match studies.full_time {
                Some(false) => {
                    f.add(
                        ctx,
                        &st::STUDY_PART_TIME_NOT_DESCRIBED,
                        vec![because("studies.fullTime", false)],
                        &[],
                    );
                    decided_here = false;
                }
                Some(true) => {}
                None => ctx.missing("studies.fullTime"),
            }
            if matches!(level, StudyLevel::University | StudyLevel::Postgraduate) {
                match studies.after_technical_college {
                    Some(true) => {
                        f.add(
                            ctx,
                            &st::STUDY_COLLEGE_USED_DEFERRAL,
                            vec![
                                b_level.clone(),
                                because("studies.afterTechnicalCollege", true),
                            ],
                            &[],
                        );
                        study_lost = true;
                    }
                    Some(false) => f.add(
                        ctx,
                        &st::STUDY_UNIVERSITY_DIRECT,
                        vec![
                            b_level.clone(),
                            because("studies.afterTechnicalCollege", false),
                        ],
                        &[],
                    ),
                    None => {
                        ctx.missing("studies.afterTechnicalCollege");
                        decided_here = false;
                    }
                }
            }
            match studies.changed_subject {
                Some(true) => {
                    f.add(
                        ctx,
                        &st::STUDY_CHANGED_SUBJECT_LOST,
                        vec![because("studies.changedSubject", true)],
                        &[],
                    );
                    study_lost = true;
                }
                Some(false) => {}
                None => ctx.missing("studies.changedSubject"),
            }
            if let Some(end) = studies.expected_end {
                if end < ctx.opts.as_of {
                    f.add(
                        ctx,
                        &st::STUDY_DEFERRAL_ENDS_WITH_STUDIES,
                        vec![because("studies.expectedEnd", end.to_string())],
                        &[],
                    );
                    study_lost = true;
                }
            }
            if !study_lost && decided_here {
                ground = true;
                f.add(ctx, &st::STUDY_DOCUMENTS_CHECKED, vec![b_level], &[]);
            } else if !study_lost {
                undecided = true;
            }
        }
    }
    if ground
        && matches!(
            studies.current,
            Some(StudyLevel::University | StudyLevel::Postgraduate | StudyLevel::TechnicalCollege)
        )
    {
        f.add(ctx, &st::STUDY_DEFERRAL_ENDS_WITH_STUDIES, Vec::new(), &[]);
    }

    // Regional practice: Dagestan raids.
    if case.region == Some(crate::model::Region::Dagestan) {
        f.add(
            ctx,
            &st::STUDY_DAGESTAN_RAIDS,
            vec![because("region", "dagestan")],
            &[],
        );
    }
    // State employees.
    if case.state_employee == Some(true) {
        f.add(
            ctx,
            &st::DEFERRAL_STATE_EMPLOYEES,
            vec![because("employment.stateEmployee", true)],
            &[],
        );
    }
    // Alternative civilian service applications.
    if case.alternative_service_applied == Some(true) {
        f.add(
            ctx,
            &st::ALT_SERVICE_APPLICATIONS_IGNORED,
            vec![because("alternativeService.applied", true)],
            &[],
        );
    }
    // Occupied territories.
    if case.residence == Some(Residence::OccupiedUkraine) {
        let b = vec![because("residence", "occupied-ukraine")];
        f.add(ctx, &st::OCCUPIED_IHL_VIOLATION, b.clone(), &[]);
        f.add(ctx, &st::OCCUPIED_REGISTRATION_REQUIRED, b.clone(), &[]);
        if case.service.as_ref().map(|s| s.status) == Some(ServiceStatus::Completed) {
            f.add(
                ctx,
                &st::OCCUPIED_PRIOR_SERVICE_NO_EXEMPTION,
                vec![
                    because("residence", "occupied-ukraine"),
                    because("service.status", "completed"),
                ],
                &[],
            );
        }
    }

    later_findings(ctx, &mut f, ground, studies.current);
    let status = if ground {
        // What in practice can defeat a deferral.
        f.plain(ctx, &st::DEFERRAL_RIGHTS_BREACHED);
        f.plain(ctx, &st::DEFERRAL_DETENTION_AT_OFFICES);
        f.plain(ctx, &st::DEFERRAL_ONE_DAY_CONSCRIPTION);
        f.plain(ctx, &st::DEFERRAL_RAIDS);
        f.plain(ctx, &st::DEFERRAL_COMPLAINTS);
        "likely"
    } else if undecided {
        "uncertain"
    } else {
        "unlikely"
    };
    let summary = match status {
        "likely" => &tx::SUMMARY_DEFERRAL_LIKELY,
        "uncertain" => &tx::SUMMARY_DEFERRAL_UNCERTAIN,
        _ => &tx::SUMMARY_DEFERRAL_UNLIKELY,
    };
    Section {
        status,
        summary: ctx.text(summary, &[]),
        findings: f.into_vec(),
    }
}

/// Developments after the report that bear on a deferral (data/statements/later.toml), each
/// shown only from the day of its sources: decisions without attending and the duty to
/// report within two weeks (from 2026), the lawyer's warning for students, and raids that
/// ignored deferral papers (October 2025).
fn later_findings(ctx: &Ctx<'_>, f: &mut Findings, ground: bool, level: Option<StudyLevel>) {
    let student = matches!(
        level,
        Some(StudyLevel::University | StudyLevel::Postgraduate | StudyLevel::TechnicalCollege)
    );
    if ground {
        f.plain(ctx, &st::LATER_DEFERRAL_WITHOUT_ATTENDING);
        if student {
            let b = level.map(|l| vec![because("studies.current", l.as_str())]);
            f.add(
                ctx,
                &st::LATER_STUDENTS_MEDICAL_DURING_STUDIES,
                b.unwrap_or_default(),
                &[],
            );
        }
        if ctx.case.residence != Some(Residence::Abroad) {
            f.plain(ctx, &st::LATER_RAIDS_DESPITE_DEFERRAL);
        }
    } else if ctx.case.residence != Some(Residence::Abroad)
        && ctx.case.summonses.as_ref().is_none_or(Vec::is_empty)
    {
        // No ground for a deferral and no summons received (or not said).
        f.plain(ctx, &st::LATER_REPORT_WITHIN_TWO_WEEKS);
    }
}
