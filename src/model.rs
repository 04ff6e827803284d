//! The input (a person's situation), the options, the output (the assessment) and the error
//! type — the Rust side of the contract in `../shared/API.md`.

use crate::date::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// A language of the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the default).
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language, in the order of the data's texts.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::De, Lang::Ru];

    /// The code, as in the API (`"en"` …).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Ru => "ru",
        }
    }

    /// The language for a code.
    pub fn from_code(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }
}

/// A kebab-case enum of the wire format. Its names come from serde's declaration (the
/// `rename_all` of the type), so the JSON, the error messages and [`WireEnum::parse`] cannot
/// disagree.
pub trait WireEnum: Sized + Copy + serde::de::DeserializeOwned + 'static {
    /// The value's position in the declaration.
    fn index(self) -> usize;

    /// Every accepted name, in declaration order (serde's own list).
    fn variants() -> &'static [&'static str] {
        crate::wire::variants::<Self>()
    }

    /// The kebab-case name used in JSON.
    fn as_str(self) -> &'static str {
        Self::variants().get(self.index()).copied().unwrap_or("")
    }

    /// The value for a kebab-case name.
    fn parse(s: &str) -> Option<Self> {
        crate::wire::parse_variant(s)
    }

    /// The accepted names, for error messages: `"a", "b"`.
    fn names() -> String {
        Self::variants()
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

macro_rules! wire_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($(#[$vm])* $v),+ }
        impl WireEnum for $name {
            fn index(self) -> usize {
                self as usize
            }
        }
        impl $name {
            /// The kebab-case name used in JSON.
            pub fn as_str(self) -> &'static str {
                WireEnum::as_str(self)
            }
        }
    };
}

wire_enum!(
    /// Where he lives.
    Residence { #[doc = "`russia`"] Russia, #[doc = "`abroad`"] Abroad, #[doc = "`occupied-ukraine`"] OccupiedUkraine }
);
wire_enum!(
    /// A region of Russia or of occupied Ukraine.
    Region {
        #[doc = "`kursk`"] Kursk, #[doc = "`belgorod`"] Belgorod, #[doc = "`bryansk`"] Bryansk, #[doc = "`crimea`"] Crimea,
        #[doc = "`sevastopol`"] Sevastopol, #[doc = "`donetsk`"] Donetsk, #[doc = "`luhansk`"] Luhansk,
        #[doc = "`zaporizhzhia`"] Zaporizhzhia, #[doc = "`kherson`"] Kherson, #[doc = "`dagestan`"] Dagestan,
        #[doc = "`moscow`"] Moscow, #[doc = "`other-russia`"] OtherRussia,
    }
);
wire_enum!(
    /// His current studies.
    StudyLevel {
        #[doc = "`none`"] None, #[doc = "`school`"] School, #[doc = "`technical-college`"] TechnicalCollege,
        #[doc = "`university`"] University, #[doc = "`postgraduate`"] Postgraduate,
    }
);
wire_enum!(
    /// Military-medical fitness category (А Б В Г Д).
    Fitness { #[doc = "`a`"] A, #[doc = "`b`"] B, #[doc = "`v`"] V, #[doc = "`g`"] G, #[doc = "`d`"] D }
);
wire_enum!(
    /// How a summons reached him.
    Delivery { #[doc = "`in-person`"] InPerson, #[doc = "`registered-mail`"] RegisteredMail, #[doc = "`electronic`"] Electronic, #[doc = "`unknown`"] Unknown }
);
wire_enum!(
    /// Whether and how he serves.
    ServiceStatus { #[doc = "`none`"] None, #[doc = "`conscript`"] Conscript, #[doc = "`contract`"] Contract, #[doc = "`completed`"] Completed }
);
wire_enum!(
    /// Where a contract stands.
    ContractStage { #[doc = "`none`"] None, #[doc = "`application`"] Application, #[doc = "`signed`"] Signed }
);

wire_enum!(
    /// How `assess` writes its result (option `output`).
    Output { #[doc = "`full`: the contract's `Assessment` (the default)"] Full, #[doc = "`compact`: each finding once, sources by id"] Compact }
);

/// An output enum of the wire format: written by serde in kebab-case, the names listed in
/// `www/types/api.d.ts` (tests/contract.rs checks them).
macro_rules! out_enum {
    // The same declaration as an input enum (wire_enum!): serde's names, WireEnum, as_str.
    ($($t:tt)*) => {
        wire_enum!($($t)*);
    };
}

out_enum!(
    /// How much a finding weighs.
    Severity {
        /// Background, statistics.
        Info,
        /// Something that may go against him, or is uncertain.
        Caution,
        /// A real risk.
        Warning,
    }
);
out_enum!(
    /// The deferral section's status, derived from its grounds.
    DeferralStatus {
        /// A ground applies.
        Likely,
        /// No ground applies.
        Unlikely,
        /// A ground is contested, or the studies or health ground is unknown.
        Uncertain,
        /// Not of conscription age, or serving.
        NotApplicable,
    }
);
out_enum!(
    /// A deferral ground.
    GroundKind {
        /// Studies.
        Studies,
        /// Health.
        Health,
        /// Alternative civilian service.
        AlternativeService,
        /// State employment.
        StateEmployment,
    }
);
out_enum!(
    /// Where a deferral ground stands.
    GroundStatus {
        /// The sources describe the ground as applying to him.
        Applies,
        /// The ground exists, but the sources report it is defeated or treated as used up in
        /// practice in a situation like his.
        Contested,
        /// Used up or lost, according to the sources.
        Lost,
        /// Nothing in his situation gives rise to it.
        None,
        /// The deciding fact is not given, or the sources do not cover his situation.
        Unknown,
    }
);
out_enum!(
    /// Administrative or criminal.
    PenaltyKind {
        /// The Code of Administrative Offences.
        Administrative,
        /// The Criminal Code.
        Criminal,
    }
);
out_enum!(
    /// How exposed he is to an offence.
    Exposure {
        /// Likely.
        Likely,
        /// Possible.
        Possible,
        /// Unlikely.
        Unlikely,
        /// Does not apply to him.
        NotApplicable,
        /// A deciding fact is not given.
        Unknown,
    }
);
out_enum!(
    /// The restrictions section's status.
    RestrictionStatus {
        /// Restrictions apply.
        Apply,
        /// They may apply.
        Possible,
        /// They do not apply to him.
        NotApplicable,
        /// A deciding fact is not given.
        Unknown,
    }
);
out_enum!(
    /// The payment section's status.
    PaymentStatus {
        /// Paying for a deferral is illegal.
        Illegal,
    }
);
out_enum!(
    /// A risk level (return risk, deployment risk).
    Risk {
        /// High.
        High,
        /// Moderate.
        Moderate,
        /// Low.
        Low,
        /// Does not apply to him.
        NotApplicable,
        /// A deciding fact is not given, or no source covers his situation.
        Unknown,
    }
);
out_enum!(
    /// Where his age stands against the conscription ages.
    AgeClass {
        /// Younger than the lower limit.
        Below,
        /// Of conscription age.
        Within,
        /// Past the upper limit.
        Above,
        /// Not known (no birth data, or only a year that straddles a limit).
        Unknown,
    }
);

/// A call-up campaign, as the law of its year knows it.
/// Read from "YYYY-spring", "YYYY-autumn" or "YYYY" and checked against the regime of its
/// year on input (`rules::summonses::parse_campaign`); written back in that form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Campaign {
    /// A campaign of the two-campaign regime: spring or autumn of a year.
    Half {
        /// The year.
        year: i32,
        /// Spring (else autumn).
        spring: bool,
    },
    /// The year-round call-up of a year.
    Year(i32),
}

impl Campaign {
    /// The input form: "2025-spring", "2025-autumn", "2026".
    pub fn key(self) -> String {
        match self {
            Campaign::Half { year, spring: true } => format!("{year}-spring"),
            Campaign::Half {
                year,
                spring: false,
            } => format!("{year}-autumn"),
            Campaign::Year(year) => year.to_string(),
        }
    }

    /// A call-up of the year-round regime.
    pub fn year_round(self) -> bool {
        matches!(self, Campaign::Year(_))
    }
}

impl fmt::Display for Campaign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

impl Serialize for Campaign {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// His studies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Studies {
    /// Current level.
    pub current: Option<StudyLevel>,
    /// Full-time.
    pub full_time: Option<bool>,
    /// Went to a technical college (after grade 9) before his current studies.
    pub after_technical_college: Option<bool>,
    /// Changed his field after the deferral was granted.
    pub changed_subject: Option<bool>,
    /// Planned end.
    pub expected_end: Option<Date>,
}

/// His health.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Health {
    /// Fitness category.
    pub fitness: Option<Fitness>,
    /// Diagnosis documented by medical records.
    pub documented: Option<bool>,
}

/// One summons.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summons {
    /// Day received (or deemed delivered).
    pub date: Option<Date>,
    /// How it reached him.
    pub delivery: Option<Delivery>,
    /// He signed for it.
    pub signed: Option<bool>,
    /// He went to the office as summoned.
    pub appeared: Option<bool>,
    /// He had a legitimate reason not to appear.
    pub valid_reason: Option<bool>,
    /// The call-up campaign: "2025-spring" / "2025-autumn" up to 2025, "2026" (the
    /// year-round call-up) from 2026; validated on input.
    pub campaign: Option<Campaign>,
    /// The appearance date the summons sets (validated: not before `date`).
    pub appearance_date: Option<Date>,
}

/// Registration duties.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Registration {
    /// Told the office where he lives.
    pub residence_notified: Option<bool>,
    /// Reported leaving Russia for more than six months.
    pub departure_reported: Option<bool>,
}

/// Abroad.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Abroad {
    /// Since when.
    pub since: Option<Date>,
    /// Plans to go back.
    pub planning_return: Option<bool>,
}

/// A contract.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contract {
    /// Stage.
    pub stage: Option<ContractStage>,
    /// Voluntary.
    pub voluntary: Option<bool>,
    /// His signature was forged.
    pub forged: Option<bool>,
    /// Received the one-time contract payment.
    pub payment_received: Option<bool>,
}

/// Service.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// Status (required when `service` is given).
    pub status: ServiceStatus,
    /// First day.
    pub start: Option<Date>,
    /// Where his unit is.
    pub region: Option<Region>,
    /// Contract.
    pub contract: Option<Contract>,
}

/// Where he lived before (his origin), separate from where he lives now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origin {
    /// The region he comes from, e.g. an annexed Ukrainian region.
    pub region: Option<Region>,
}

/// His citizenship, where the sources tie consequences to it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Citizenship {
    /// He holds (has received) a Russian passport.
    pub russian_passport: Option<bool>,
    /// Since when he holds it.
    pub since: Option<Date>,
}

/// A person's situation. Every field is optional: a fact left out is unknown, not false.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseInput {
    /// Date of birth.
    pub birth_date: Option<Date>,
    /// Year of birth, when the date is not known.
    pub birth_year: Option<i32>,
    /// Where he lives now.
    pub residence: Option<Residence>,
    /// The region he lives in now.
    pub region: Option<Region>,
    /// Where he comes from.
    pub origin: Option<Origin>,
    /// His citizenship.
    pub citizenship: Option<Citizenship>,
    /// Studies.
    pub studies: Option<Studies>,
    /// Health.
    pub health: Option<Health>,
    /// Works for the state.
    pub state_employee: Option<bool>,
    /// Applied for alternative civilian service.
    pub alternative_service_applied: Option<bool>,
    /// Summonses received (None: not said; empty: none received).
    pub summonses: Option<Vec<Summons>>,
    /// Registration.
    pub registration: Option<Registration>,
    /// Abroad.
    pub abroad: Option<Abroad>,
    /// Service.
    pub service: Option<Service>,
}

/// Roubles for one franc / one euro.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RubPer {
    /// Roubles per Swiss franc.
    pub chf: f64,
    /// Roubles per euro.
    pub eur: f64,
}

/// Options of [`crate::assess`].
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Language of every text.
    pub lang: Lang,
    /// The day the law and age are evaluated for.
    pub as_of: Date,
    /// Exchange rates (default: the sources' rates).
    pub rub_per: RubPer,
}

// ------------------------------------------------------------------------------------------
// Output
// ------------------------------------------------------------------------------------------

/// A citation in a result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CiteOut {
    /// Source id.
    pub id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Page, where the material gives one.
    pub page: Option<&'static str>,
}

/// An input fact that led to a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Because {
    /// Where it is in the input.
    pub path: Fact,
    /// Its value.
    pub value: Value,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable id.
    pub id: &'static str,
    /// How much it weighs.
    pub severity: Severity,
    /// In the requested language.
    pub text: String,
    /// At least one.
    pub sources: Vec<CiteOut>,
    /// The input facts that led to it.
    pub because: Vec<Because>,
    /// Where the fact comes from: report | article | beyond-seed.
    pub origin: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    /// Ids of disagreements this finding is one side of.
    pub disagreements: Vec<&'static str>,
}

/// A section of the assessment, with its status type.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Section<S, F = Finding> {
    /// The status.
    pub status: S,
    /// One sentence (or, for the deferral, one sentence per deciding ground).
    pub summary: String,
    /// Findings (in the compact form, their keys in [`Assessment::finding_index`]).
    pub findings: Vec<F>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The deferral section only: one entry per ground the sources discuss.
    pub grounds: Option<Vec<Ground<F>>>,
}

/// One ground for deferral (studies, health, alternative service, state employment) and
/// what the sources say about it in this situation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ground<F = Finding> {
    /// The ground.
    pub ground: GroundKind,
    /// Where it stands.
    pub status: GroundStatus,
    /// One sentence: what the sources say about this ground here, or which fact is missing.
    pub summary: String,
    /// The findings about this ground (also among the section's findings).
    pub findings: Vec<F>,
}

/// A range of roubles.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    /// Lower bound.
    pub min: i64,
    /// Upper bound.
    pub max: i64,
}

/// Rates used.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RatesOut {
    /// Roubles per franc.
    #[serde(rename = "CHF", serialize_with = "crate::wire::js_number")]
    pub chf: f64,
    /// Roubles per euro.
    #[serde(rename = "EUR", serialize_with = "crate::wire::js_number")]
    pub eur: f64,
}

/// An amount in three currencies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Money {
    /// Roubles.
    #[serde(rename = "RUB")]
    pub rub: Range,
    /// Swiss francs, rounded.
    #[serde(rename = "CHF")]
    pub chf: Range,
    /// Euros, rounded.
    #[serde(rename = "EUR")]
    pub eur: Range,
    /// The rates used.
    pub rub_per: RatesOut,
}

/// A sanction other than a fine.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sanction {
    /// Stable id.
    pub id: &'static str,
    /// In the requested language.
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Maximum months.
    pub max_months: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Maximum hours.
    pub max_hours: Option<i64>,
}

/// An offence the situation touches.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Penalty<F = Finding> {
    /// cao-21-5 | registration-duties | cc-328-1 | cc-328-2.
    pub id: &'static str,
    /// Administrative or criminal.
    pub kind: PenaltyKind,
    /// The article, in the requested language.
    pub legal_basis: String,
    /// How exposed he is.
    pub exposure: Exposure,
    /// The fine range.
    pub fine: Money,
    /// Other sanctions.
    pub other_sanctions: Vec<Sanction>,
    /// Findings.
    pub findings: Vec<F>,
    /// The day whose law gave the fine amounts.
    pub law_date: String,
}

/// A black-market price in the payment section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceOut {
    /// Stable id.
    pub id: &'static str,
    /// What it buys, in the requested language.
    pub text: String,
    /// The price.
    pub price: Money,
    /// Citations.
    pub sources: Vec<CiteOut>,
}

/// The payment section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentSection<F = Finding> {
    /// Always `illegal`.
    pub status: PaymentStatus,
    /// One sentence.
    pub summary: String,
    /// Findings.
    pub findings: Vec<F>,
    /// Prices.
    pub prices: Vec<PriceOut>,
}

/// The conscription ages in force.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Window {
    /// Lower age.
    pub min: i64,
    /// Upper age (reached on that birthday).
    pub max: i64,
}

/// Age section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgeOut<F = Finding> {
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Completed years on asOf.
    pub years: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// When only the year of birth is known: the two possible ages.
    pub years_range: Option<Window>,
    /// Where his age stands.
    pub conscription_age: AgeClass,
    /// The ages in force on asOf.
    pub window: Window,
    /// Findings.
    pub findings: Vec<F>,
}

/// A source as listed in a result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceOut {
    /// Id.
    pub id: &'static str,
    /// Publisher.
    pub publisher: &'static str,
    /// Title.
    pub title: &'static str,
    /// ISO date.
    pub date: String,
    /// "day" or "month".
    pub date_precision: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Address.
    pub url: Option<&'static str>,
    /// report | article | beyond-seed.
    pub origin: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The document through which the tool knows it.
    pub quoted_in: Option<&'static str>,
}

/// Sources that differ, as shown in a result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DisagreementOut {
    /// Id.
    pub id: &'static str,
    /// What they differ on.
    pub text: String,
    /// The finding ids of each side.
    pub sides: Vec<&'static str>,
}

/// Knowledge version.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KnowledgeRef {
    /// Version.
    pub version: &'static str,
    /// The report's date.
    pub report_date: String,
    /// The latest date the knowledge covers.
    pub current_to: String,
}

/// The assessment: in full (`Assessment`, the contract's shape), or in the compact form
/// ([`CompactAssessment`], `assess(…, { output: "compact" })`), where every list of findings
/// holds keys into [`Assessment::finding_index`] and `sources` holds source ids.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment<F = Finding, Src = SourceOut> {
    /// The day evaluated.
    pub as_of: String,
    /// Language.
    pub lang: &'static str,
    /// Age.
    pub age: AgeOut<F>,
    /// Deferral.
    pub deferral: Section<DeferralStatus, F>,
    /// Penalties.
    pub penalties: Vec<Penalty<F>>,
    /// Restrictions.
    pub restrictions: Section<RestrictionStatus, F>,
    /// Payment.
    pub payment: PaymentSection<F>,
    /// Return risk.
    pub return_risk: Section<Risk, F>,
    /// Deployment risk.
    pub deployment: Section<Risk, F>,
    /// Input paths whose absence left a result uncertain.
    pub missing_facts: Vec<Fact>,
    /// Warnings.
    pub warnings: Vec<F>,
    /// Disagreements between sources among the findings.
    pub disagreements: Vec<DisagreementOut>,
    /// Every source cited, in order of first citation.
    pub sources: Vec<Src>,
    /// Knowledge.
    pub knowledge: KnowledgeRef,
    /// Engine version.
    pub engine: &'static str,
    /// The compact form only (`None` in full, and not written): every finding once, under
    /// the key the lists hold, in order of first appearance.
    #[serde(
        rename = "findings",
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::wire::finding_index"
    )]
    pub finding_index: Option<Vec<(FindingKey, Finding)>>,
}

/// The key of a finding in the compact form: its id, or — should one result hold two
/// different findings of the same id — the id and `~2`, `~3`, ….
pub type FindingKey = std::borrow::Cow<'static, str>;

/// The compact form of an assessment: each finding once (in `findings`, by key), the sources
/// by id (their entries are in `knowledge().sources`). The package's `expand()` turns it into
/// the full form, equal to what `assess` gives without `output: "compact"`.
pub type CompactAssessment = Assessment<FindingKey, &'static str>;

impl Assessment {
    /// The compact form of this assessment (see [`CompactAssessment`]).
    #[must_use]
    pub fn compact(self) -> CompactAssessment {
        let mut index: Vec<(FindingKey, Finding)> = Vec::new();
        let mut refs = |list: Vec<Finding>| -> Vec<FindingKey> {
            list.into_iter().map(|f| index_key(&mut index, f)).collect()
        };
        let age = AgeOut {
            years: self.age.years,
            years_range: self.age.years_range,
            conscription_age: self.age.conscription_age,
            window: self.age.window,
            findings: refs(self.age.findings),
        };
        let deferral = section(self.deferral, &mut refs);
        let penalties = self
            .penalties
            .into_iter()
            .map(|p| Penalty {
                id: p.id,
                kind: p.kind,
                legal_basis: p.legal_basis,
                exposure: p.exposure,
                fine: p.fine,
                other_sanctions: p.other_sanctions,
                findings: refs(p.findings),
                law_date: p.law_date,
            })
            .collect();
        let restrictions = section(self.restrictions, &mut refs);
        let payment = PaymentSection {
            status: self.payment.status,
            summary: self.payment.summary,
            findings: refs(self.payment.findings),
            prices: self.payment.prices,
        };
        let return_risk = section(self.return_risk, &mut refs);
        let deployment = section(self.deployment, &mut refs);
        let warnings = refs(self.warnings);
        Assessment {
            as_of: self.as_of,
            lang: self.lang,
            age,
            deferral,
            penalties,
            restrictions,
            payment,
            return_risk,
            deployment,
            missing_facts: self.missing_facts,
            warnings,
            disagreements: self.disagreements,
            sources: self.sources.iter().map(|s| s.id).collect(),
            knowledge: self.knowledge,
            engine: self.engine,
            finding_index: Some(index),
        }
    }
}

fn section<S>(
    s: Section<S>,
    refs: &mut impl FnMut(Vec<Finding>) -> Vec<FindingKey>,
) -> Section<S, FindingKey> {
    Section {
        status: s.status,
        summary: s.summary,
        findings: refs(s.findings),
        grounds: s.grounds.map(|gs| {
            gs.into_iter()
                .map(|g| Ground {
                    ground: g.ground,
                    status: g.status,
                    summary: g.summary,
                    findings: refs(g.findings),
                })
                .collect()
        }),
    }
}

/// The key of `f` in the index, adding it if no equal finding is there yet.
fn index_key(index: &mut Vec<(FindingKey, Finding)>, f: Finding) -> FindingKey {
    let mut same_id = 0;
    for (k, g) in index.iter() {
        if g.id == f.id {
            if *g == f {
                return k.clone();
            }
            same_id += 1;
        }
    }
    let key = if same_id == 0 {
        FindingKey::Borrowed(f.id)
    } else {
        FindingKey::Owned(format!("{}~{}", f.id, same_id + 1))
    };
    index.push((key.clone(), f));
    key
}

// ------------------------------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------------------------------

/// One problem with the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// JSON path of the offending value ("" for the root).
    pub path: String,
    /// Machine-readable code, e.g. "unknown-field".
    pub code: &'static str,
    /// What is wrong, in English.
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// For an unknown key, the nearest known key (so a page can say it in its own language).
    pub suggestion: Option<&'static str>,
}

/// Invalid input: every problem found, each with its path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssessError {
    /// The problems.
    pub issues: Vec<Issue>,
}

impl AssessError {
    /// An error with one issue.
    pub fn one(
        path: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) -> AssessError {
        AssessError {
            issues: vec![Issue {
                path: path.into(),
                code,
                message: message.into(),
                suggestion: None,
            }],
        }
    }
}

impl fmt::Display for AssessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .issues
            .iter()
            .map(|i| {
                if i.path.is_empty() {
                    i.message.clone()
                } else {
                    format!("{}: {}", i.path, i.message)
                }
            })
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for AssessError {}

// ------------------------------------------------------------------------------------------
// knowledge()
// ------------------------------------------------------------------------------------------

/// The default rates with their dates (`knowledge().rubPer`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DefaultRates {
    /// Roubles per franc.
    #[serde(rename = "CHF", serialize_with = "crate::wire::js_number")]
    pub chf: f64,
    /// Roubles per euro.
    #[serde(rename = "EUR", serialize_with = "crate::wire::js_number")]
    pub eur: f64,
    /// The day of the franc rate.
    pub chf_date: String,
    /// The day of the euro rate.
    pub eur_date: String,
}

/// A glossary term (`knowledge().glossary`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    /// Id.
    pub id: &'static str,
    /// In the requested language.
    pub term: &'static str,
    /// In English.
    pub en: &'static str,
}

/// What `knowledge()` returns (API `KnowledgeInfo`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KnowledgeInfo {
    /// Knowledge version.
    pub version: &'static str,
    /// The report's date.
    pub report_date: String,
    /// The latest date the knowledge covers.
    pub current_to: String,
    /// The first day the knowledge is flagged as old.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stale_from: Option<String>,
    /// The first day of year-round conscription.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_round_from: Option<String>,
    /// The first day modelled.
    pub modelled_from: String,
    /// The languages.
    pub languages: [&'static str; 4],
    /// The default rates.
    pub rub_per: DefaultRates,
    /// The source catalogue.
    pub sources: Vec<SourceOut>,
    /// The glossary in the requested language.
    pub glossary: Vec<Term>,
    /// The language.
    pub lang: &'static str,
}

// ------------------------------------------------------------------------------------------
// Fact paths
// ------------------------------------------------------------------------------------------

/// A field of one summons, as named in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SummonsField {
    /// `date`
    Date,
    /// `delivery`
    Delivery,
    /// `signed`
    Signed,
    /// `appeared`
    Appeared,
    /// `validReason`
    ValidReason,
    /// `campaign`
    Campaign,
    /// `appearanceDate`
    AppearanceDate,
}

impl WireEnum for SummonsField {
    fn index(self) -> usize {
        self as usize
    }
}

/// An input fact, by its place in [`CaseInput`]: the typed form of the JSON paths in
/// `because[].path` and `missingFacts`, written as those paths (`"studies.current"`,
/// `"summonses[2].appeared"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fact {
    /// `birthDate`
    BirthDate,
    /// `birthYear`
    BirthYear,
    /// `residence`
    Residence,
    /// `region`
    Region,
    /// `origin.region`
    OriginRegion,
    /// `citizenship.russianPassport`
    CitizenshipRussianPassport,
    /// `citizenship.since`
    CitizenshipSince,
    /// `studies.current`
    StudiesCurrent,
    /// `studies.fullTime`
    StudiesFullTime,
    /// `studies.afterTechnicalCollege`
    StudiesAfterTechnicalCollege,
    /// `studies.changedSubject`
    StudiesChangedSubject,
    /// `studies.expectedEnd`
    StudiesExpectedEnd,
    /// `health.fitness`
    HealthFitness,
    /// `health.documented`
    HealthDocumented,
    /// `employment.stateEmployee`
    EmploymentStateEmployee,
    /// `alternativeService.applied`
    AlternativeServiceApplied,
    /// `summonses` (the list as a whole)
    Summonses,
    /// `summonses[i].field`
    Summons(usize, SummonsField),
    /// `registration.residenceNotified`
    RegistrationResidenceNotified,
    /// `registration.departureReported`
    RegistrationDepartureReported,
    /// `abroad.since`
    AbroadSince,
    /// `abroad.planningReturn`
    AbroadPlanningReturn,
    /// `service.status`
    ServiceStatus,
    /// `service.start`
    ServiceStart,
    /// `service.region`
    ServiceRegion,
    /// `service.contract.stage`
    ServiceContractStage,
    /// `service.contract.voluntary`
    ServiceContractVoluntary,
    /// `service.contract.forged`
    ServiceContractForged,
    /// `service.contract.paymentReceived`
    ServiceContractPaymentReceived,
}

impl Fact {
    /// The JSON path of a fact that is not a summons' field.
    fn path(self) -> &'static str {
        match self {
            Fact::BirthDate => "birthDate",
            Fact::BirthYear => "birthYear",
            Fact::Residence => "residence",
            Fact::Region => "region",
            Fact::OriginRegion => "origin.region",
            Fact::CitizenshipRussianPassport => "citizenship.russianPassport",
            Fact::CitizenshipSince => "citizenship.since",
            Fact::StudiesCurrent => "studies.current",
            Fact::StudiesFullTime => "studies.fullTime",
            Fact::StudiesAfterTechnicalCollege => "studies.afterTechnicalCollege",
            Fact::StudiesChangedSubject => "studies.changedSubject",
            Fact::StudiesExpectedEnd => "studies.expectedEnd",
            Fact::HealthFitness => "health.fitness",
            Fact::HealthDocumented => "health.documented",
            Fact::EmploymentStateEmployee => "employment.stateEmployee",
            Fact::AlternativeServiceApplied => "alternativeService.applied",
            Fact::Summonses | Fact::Summons(..) => "summonses",
            Fact::RegistrationResidenceNotified => "registration.residenceNotified",
            Fact::RegistrationDepartureReported => "registration.departureReported",
            Fact::AbroadSince => "abroad.since",
            Fact::AbroadPlanningReturn => "abroad.planningReturn",
            Fact::ServiceStatus => "service.status",
            Fact::ServiceStart => "service.start",
            Fact::ServiceRegion => "service.region",
            Fact::ServiceContractStage => "service.contract.stage",
            Fact::ServiceContractVoluntary => "service.contract.voluntary",
            Fact::ServiceContractForged => "service.contract.forged",
            Fact::ServiceContractPaymentReceived => "service.contract.paymentReceived",
        }
    }
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fact::Summons(i, field) => write!(f, "summonses[{i}].{}", field.as_str()),
            other => f.write_str(other.path()),
        }
    }
}

impl Serialize for Fact {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
