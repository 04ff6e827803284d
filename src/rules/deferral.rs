//! Deferral, ground by ground: the study ground (DIS; Caucasian Knot), the health categories
//! (Federal Law 53-FZ Art. 23–24, Government Resolution No. 565), alternative civilian
//! service and state employment (DIS), and what in practice defeats them (DIS, Platform RAAM,
//! RFE/RL). Each ground gets its own status; the section's status and summary are derived
//! from them, the summary from one data sentence per deciding ground.

use super::age::{AgeClass, AgeFacts};
use super::{because, Ctx, Findings};
use crate::knowledge::{st, tx, Statement, Text};
use crate::model::Fact;
use crate::model::{
    Because, DeferralStatus, Fitness, Ground, GroundKind, Residence, Section, ServiceStatus,
    StudyLevel,
};

use crate::model::GroundStatus as Status;

/// One ground as it is being built: its status, the sentence that says why (for the
/// summary), and its findings.
struct G {
    id: GroundKind,
    status: Status,
    reason: Option<&'static Text>,
    /// Whether this ground takes part in deciding the section's status when unknown (the
    /// studies and the health category do; alternative service and state employment only
    /// when the person says something about them).
    decisive_when_unknown: bool,
    findings: Findings,
}

impl G {
    fn new(id: GroundKind, decisive_when_unknown: bool) -> G {
        G {
            id,
            status: Status::Unknown,
            reason: None,
            decisive_when_unknown,
            findings: Findings::default(),
        }
    }

    fn set(&mut self, status: Status, reason: &'static Text) {
        self.status = status;
        self.reason = Some(reason);
    }
}

/// Adds a finding to the section and to one ground.
fn add(ctx: &Ctx<'_>, all: &mut Findings, g: &mut G, s: &'static Statement, b: Vec<Because>) {
    all.add(ctx, s, b.clone(), &[]);
    g.findings.add(ctx, s, b, &[]);
}

fn studies(ctx: &mut Ctx<'_>, all: &mut Findings) -> G {
    let mut g = G::new(GroundKind::Studies, true);
    let studies = ctx.case.studies.clone().unwrap_or_default();
    let level = match studies.current {
        None => {
            ctx.missing(Fact::StudiesCurrent);
            g.set(Status::Unknown, &tx::SUMMARY_DEFERRAL_STUDIES_UNKNOWN);
            return g;
        }
        Some(StudyLevel::None) => {
            add(
                ctx,
                all,
                &mut g,
                &st::STUDY_NOT_ENROLLED,
                vec![because(Fact::StudiesCurrent, "none")],
            );
            g.set(Status::None, &tx::SUMMARY_DEFERRAL_STUDIES_NONE);
            return g;
        }
        Some(StudyLevel::School) => {
            // The sources do not cover pupils still at school.
            add(
                ctx,
                all,
                &mut g,
                &st::STUDY_SCHOOL_NOT_DESCRIBED,
                vec![because(Fact::StudiesCurrent, "school")],
            );
            g.set(
                Status::Unknown,
                &tx::SUMMARY_DEFERRAL_STUDIES_UNKNOWN_SCHOOL,
            );
            return g;
        }
        Some(level) => level,
    };
    let b_level = because(Fact::StudiesCurrent, level.as_str());
    add(
        ctx,
        all,
        &mut g,
        &st::STUDY_DEFERRAL_AUTOMATIC,
        vec![b_level.clone()],
    );
    if level == StudyLevel::TechnicalCollege {
        add(
            ctx,
            all,
            &mut g,
            &st::STUDY_COLLEGE_DEFERRAL,
            vec![b_level.clone()],
        );
    }
    // From the weakest to the strongest reason: a later one replaces an earlier one.
    let mut status = Status::Applies;
    let mut reason: &'static Text = &tx::SUMMARY_DEFERRAL_STUDIES_APPLIES;
    match studies.full_time {
        Some(false) => {
            // The sources do not cover part-time or distance studies.
            add(
                ctx,
                all,
                &mut g,
                &st::STUDY_PART_TIME_NOT_DESCRIBED,
                vec![because(Fact::StudiesFullTime, false)],
            );
            status = Status::Unknown;
            reason = &tx::SUMMARY_DEFERRAL_STUDIES_UNKNOWN_PART_TIME;
        }
        Some(true) => {}
        None => ctx.missing(Fact::StudiesFullTime),
    }
    if matches!(level, StudyLevel::University | StudyLevel::Postgraduate) {
        match studies.after_technical_college {
            Some(true) => {
                add(
                    ctx,
                    all,
                    &mut g,
                    &st::STUDY_COLLEGE_USED_DEFERRAL,
                    vec![
                        b_level.clone(),
                        because(Fact::StudiesAfterTechnicalCollege, true),
                    ],
                );
                // Reported by Dagestani journalists as a practice used "in a number of
                // cases" to circumvent the deferral: contested, not lost (review 1.6).
                status = Status::Contested;
                reason = &tx::SUMMARY_DEFERRAL_STUDIES_CONTESTED;
            }
            Some(false) => add(
                ctx,
                all,
                &mut g,
                &st::STUDY_UNIVERSITY_DIRECT,
                vec![
                    b_level.clone(),
                    because(Fact::StudiesAfterTechnicalCollege, false),
                ],
            ),
            None => {
                ctx.missing(Fact::StudiesAfterTechnicalCollege);
                if status == Status::Applies {
                    status = Status::Unknown;
                    reason = &tx::SUMMARY_DEFERRAL_STUDIES_UNKNOWN_COLLEGE;
                }
            }
        }
    }
    match studies.changed_subject {
        Some(true) => {
            add(
                ctx,
                all,
                &mut g,
                &st::STUDY_CHANGED_SUBJECT_LOST,
                vec![because(Fact::StudiesChangedSubject, true)],
            );
            status = Status::Lost;
            reason = &tx::SUMMARY_DEFERRAL_STUDIES_LOST_SUBJECT;
        }
        Some(false) => {}
        None => ctx.missing(Fact::StudiesChangedSubject),
    }
    if let Some(end) = studies.expected_end {
        if end < ctx.opts.as_of {
            add(
                ctx,
                all,
                &mut g,
                &st::STUDY_DEFERRAL_ENDS_WITH_STUDIES,
                vec![because(Fact::StudiesExpectedEnd, end.to_string())],
            );
            status = Status::Lost;
            reason = &tx::SUMMARY_DEFERRAL_STUDIES_LOST_ENDED;
        }
    }
    if status == Status::Applies {
        add(
            ctx,
            all,
            &mut g,
            &st::STUDY_DOCUMENTS_CHECKED,
            vec![b_level],
        );
        add(
            ctx,
            all,
            &mut g,
            &st::STUDY_DEFERRAL_ENDS_WITH_STUDIES,
            Vec::new(),
        );
    }
    // Regional practice: Dagestan raids, where students may be spared.
    if ctx.case.region == Some(crate::model::Region::Dagestan) {
        add(
            ctx,
            all,
            &mut g,
            &st::STUDY_DAGESTAN_RAIDS,
            vec![because(Fact::Region, "dagestan")],
        );
    }
    g.set(status, reason);
    g
}

fn health(ctx: &mut Ctx<'_>, all: &mut Findings) -> G {
    let mut g = G::new(GroundKind::Health, true);
    let health = ctx.case.health.clone().unwrap_or_default();
    match health.fitness {
        Some(cat @ (Fitness::V | Fitness::G | Fitness::D)) => {
            let b = vec![because(Fact::HealthFitness, cat.as_str())];
            let (s, reason) = match cat {
                Fitness::V => (
                    &st::HEALTH_CATEGORY_V,
                    &tx::SUMMARY_DEFERRAL_HEALTH_APPLIES_V,
                ),
                Fitness::G => (
                    &st::HEALTH_CATEGORY_G,
                    &tx::SUMMARY_DEFERRAL_HEALTH_APPLIES_G,
                ),
                _ => (
                    &st::HEALTH_CATEGORY_D,
                    &tx::SUMMARY_DEFERRAL_HEALTH_APPLIES_D,
                ),
            };
            add(ctx, all, &mut g, s, b.clone());
            add(ctx, all, &mut g, &st::HEALTH_DIAGNOSES_IGNORED, b.clone());
            let mut db = b;
            if let Some(d) = health.documented {
                db.push(because(Fact::HealthDocumented, d));
            } else {
                ctx.missing(Fact::HealthDocumented);
            }
            add(ctx, all, &mut g, &st::HEALTH_DOCUMENTS_CHECKED, db);
            g.set(Status::Applies, reason);
        }
        Some(cat) => {
            add(
                ctx,
                all,
                &mut g,
                &st::HEALTH_FIT,
                vec![because(Fact::HealthFitness, cat.as_str())],
            );
            g.set(Status::None, &tx::SUMMARY_DEFERRAL_HEALTH_NONE);
        }
        None => {
            ctx.missing(Fact::HealthFitness);
            g.set(Status::Unknown, &tx::SUMMARY_DEFERRAL_HEALTH_UNKNOWN);
        }
    }
    g
}

fn alternative_service(ctx: &Ctx<'_>, all: &mut Findings) -> G {
    let mut g = G::new(GroundKind::AlternativeService, false);
    match ctx.case.alternative_service_applied {
        Some(true) => {
            add(
                ctx,
                all,
                &mut g,
                &st::ALT_SERVICE_APPLICATIONS_IGNORED,
                vec![because(Fact::AlternativeServiceApplied, true)],
            );
            g.set(
                Status::Contested,
                &tx::SUMMARY_DEFERRAL_ALTERNATIVE_SERVICE_CONTESTED,
            );
        }
        Some(false) => g.set(Status::None, &tx::SUMMARY_DEFERRAL_ALTERNATIVE_SERVICE_NONE),
        None => g.set(
            Status::Unknown,
            &tx::SUMMARY_DEFERRAL_ALTERNATIVE_SERVICE_UNKNOWN,
        ),
    }
    g
}

fn state_employment(ctx: &Ctx<'_>, all: &mut Findings) -> G {
    let mut g = G::new(GroundKind::StateEmployment, false);
    match ctx.case.state_employee {
        Some(true) => {
            add(
                ctx,
                all,
                &mut g,
                &st::DEFERRAL_STATE_EMPLOYEES,
                vec![because(Fact::EmploymentStateEmployee, true)],
            );
            g.set(
                Status::Contested,
                &tx::SUMMARY_DEFERRAL_STATE_EMPLOYMENT_CONTESTED,
            );
        }
        Some(false) => g.set(Status::None, &tx::SUMMARY_DEFERRAL_STATE_EMPLOYMENT_NONE),
        None => g.set(
            Status::Unknown,
            &tx::SUMMARY_DEFERRAL_STATE_EMPLOYMENT_UNKNOWN,
        ),
    }
    g
}

/// The section's status from its grounds: `likely` when one applies; `uncertain` when one
/// is contested, or a deciding ground is unknown; otherwise `unlikely`.
fn section_status(grounds: &[G]) -> DeferralStatus {
    if grounds.iter().any(|g| g.status == Status::Applies) {
        DeferralStatus::Likely
    } else if grounds.iter().any(|g| {
        g.status == Status::Contested || (g.status == Status::Unknown && g.decisive_when_unknown)
    }) {
        DeferralStatus::Uncertain
    } else {
        DeferralStatus::Unlikely
    }
}

/// Which grounds the summary speaks of, in order: the deciding ones first.
fn summary_grounds<'g>(status: DeferralStatus, grounds: &'g [G]) -> Vec<&'g G> {
    let pick = |want: &[Status], decisive_only: bool| -> Vec<&'g G> {
        grounds
            .iter()
            .filter(|g| want.contains(&g.status))
            .filter(|g| !decisive_only || g.decisive_when_unknown)
            .collect()
    };
    match status {
        DeferralStatus::Likely => pick(&[Status::Applies], false),
        DeferralStatus::Uncertain => {
            let mut v = pick(&[Status::Contested, Status::Lost], false);
            v.extend(
                grounds
                    .iter()
                    .filter(|g| g.status == Status::Unknown && g.decisive_when_unknown),
            );
            v
        }
        _ => {
            let mut v = pick(&[Status::Lost], false);
            v.extend(pick(&[Status::None], true));
            v
        }
    }
}

/// The deferral section.
pub fn assess(ctx: &mut Ctx<'_>, age: AgeFacts) -> Section<DeferralStatus> {
    let mut f = Findings::default();
    let case = ctx.case;
    let serving = matches!(
        case.service.as_ref().map(|s| s.status),
        Some(ServiceStatus::Conscript | ServiceStatus::Contract)
    );
    if serving || matches!(age.class, AgeClass::Below | AgeClass::Above) {
        return Section {
            status: DeferralStatus::NotApplicable,
            summary: ctx.text(&tx::SUMMARY_DEFERRAL_NOT_APPLICABLE, &[]),
            findings: f.into_vec(),
            grounds: Some(Vec::new()),
        };
    }

    let health = health(ctx, &mut f);
    let studies = studies(ctx, &mut f);
    let alt = alternative_service(ctx, &mut f);
    let state = state_employment(ctx, &mut f);
    let grounds = [studies, health, alt, state];

    // Occupied territories: where he lives now or where he comes from.
    if let Some(b) = super::occupied::link(case) {
        f.add(ctx, &st::OCCUPIED_IHL_VIOLATION, b.clone(), &[]);
        f.add(ctx, &st::OCCUPIED_REGISTRATION_REQUIRED, b.clone(), &[]);
        if case.service.as_ref().map(|s| s.status) == Some(ServiceStatus::Completed) {
            let mut sb = b;
            sb.push(because(Fact::ServiceStatus, "completed"));
            f.add(ctx, &st::OCCUPIED_PRIOR_SERVICE_NO_EXEMPTION, sb, &[]);
        }
    }
    super::occupied::citizenship_findings(ctx, &mut f);

    let status = section_status(&grounds);
    let level = case.studies.as_ref().and_then(|s| s.current);
    later_findings(ctx, &mut f, status == DeferralStatus::Likely, level);
    if status == DeferralStatus::Likely {
        // What in practice can defeat a deferral.
        f.plain(ctx, &st::DEFERRAL_RIGHTS_BREACHED);
        f.plain(ctx, &st::DEFERRAL_DETENTION_AT_OFFICES);
        f.plain(ctx, &st::DEFERRAL_ONE_DAY_CONSCRIPTION);
        f.plain(ctx, &st::DEFERRAL_RAIDS);
        f.plain(ctx, &st::DEFERRAL_COMPLAINTS);
    }
    let mut sentences: Vec<String> = summary_grounds(status, &grounds)
        .iter()
        .filter_map(|g| g.reason)
        .map(|t| ctx.text(t, &[]))
        .collect();
    if status == DeferralStatus::Likely {
        sentences.push(ctx.text(&tx::SUMMARY_DEFERRAL_LIKELY_PRACTICE, &[]));
    }
    if sentences.is_empty() {
        sentences.push(ctx.text(&tx::SUMMARY_DEFERRAL_UNLIKELY, &[]));
    }
    let grounds_out = grounds
        .into_iter()
        .map(|g| Ground {
            ground: g.id,
            status: g.status,
            summary: g.reason.map(|t| ctx.text(t, &[])).unwrap_or_default(),
            findings: g.findings.into_vec(),
        })
        .collect();
    Section {
        status,
        summary: sentences.join(" "),
        findings: f.into_vec(),
        grounds: Some(grounds_out),
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
            let b = level.map(|l| vec![because(Fact::StudiesCurrent, l.as_str())]);
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
