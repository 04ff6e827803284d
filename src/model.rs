//! The input (a person's situation), the options, the output (the assessment) and the error
//! type — the Rust side of the contract in `../shared/API.md`.

use crate::date::Date;
use crate::json::{JsonWriter, Value};
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

macro_rules! kebab_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vm])* #[doc = concat!("`", $s, "`")] $v),+ }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            /// The kebab-case name used in JSON.
            pub fn as_str(self) -> &'static str { match self { $($name::$v => $s),+ } }
            /// The value for a kebab-case name.
            pub fn parse(s: &str) -> Option<$name> { Self::ALL.iter().copied().find(|v| v.as_str() == s) }
            /// The accepted names, for error messages.
            pub fn names() -> String {
                Self::ALL.iter().map(|v| format!("\"{}\"", v.as_str())).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

kebab_enum!(
    /// Where he lives.
    Residence { Russia = "russia", Abroad = "abroad", OccupiedUkraine = "occupied-ukraine" }
);
kebab_enum!(
    /// A region of Russia or of occupied Ukraine.
    Region {
        Kursk = "kursk", Belgorod = "belgorod", Bryansk = "bryansk", Crimea = "crimea",
        Sevastopol = "sevastopol", Donetsk = "donetsk", Luhansk = "luhansk",
        Zaporizhzhia = "zaporizhzhia", Kherson = "kherson", Dagestan = "dagestan",
        Moscow = "moscow", OtherRussia = "other-russia",
    }
);
kebab_enum!(
    /// His current studies.
    StudyLevel {
        None = "none", School = "school", TechnicalCollege = "technical-college",
        University = "university", Postgraduate = "postgraduate",
    }
);
kebab_enum!(
    /// Military-medical fitness category (А Б В Г Д).
    Fitness { A = "a", B = "b", V = "v", G = "g", D = "d" }
);
kebab_enum!(
    /// How a summons reached him.
    Delivery { InPerson = "in-person", RegisteredMail = "registered-mail", Electronic = "electronic", Unknown = "unknown" }
);
kebab_enum!(
    /// Whether and how he serves.
    ServiceStatus { None = "none", Conscript = "conscript", Contract = "contract", Completed = "completed" }
);
kebab_enum!(
    /// Where a contract stands.
    ContractStage { None = "none", Application = "application", Signed = "signed" }
);

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
    pub campaign: Option<String>,
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
#[derive(Debug, Clone, PartialEq)]
pub struct CiteOut {
    /// Source id.
    pub id: &'static str,
    /// Page, where the material gives one.
    pub page: Option<&'static str>,
}

/// An input fact that led to a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Because {
    /// JSON path in the input.
    pub path: String,
    /// Its value.
    pub value: Value,
}

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable id.
    pub id: &'static str,
    /// info | caution | warning.
    pub severity: &'static str,
    /// In the requested language.
    pub text: String,
    /// At least one.
    pub sources: Vec<CiteOut>,
    /// The input facts that led to it.
    pub because: Vec<Because>,
    /// Where the fact comes from: report | article | beyond-seed.
    pub origin: &'static str,
    /// Ids of disagreements this finding is one side of.
    pub disagreements: Vec<&'static str>,
}

/// A section of the assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The status (kebab-case).
    pub status: &'static str,
    /// One sentence (or, for the deferral, one sentence per deciding ground).
    pub summary: String,
    /// Findings.
    pub findings: Vec<Finding>,
    /// The deferral section only: one entry per ground the sources discuss.
    pub grounds: Option<Vec<Ground>>,
}

/// One ground for deferral (studies, health, alternative service, state employment) and
/// what the sources say about it in this situation.
#[derive(Debug, Clone, PartialEq)]
pub struct Ground {
    /// studies | health | alternative-service | state-employment.
    pub ground: &'static str,
    /// applies | contested | lost | none | unknown.
    pub status: &'static str,
    /// One sentence: what the sources say about this ground here, or which fact is missing.
    pub summary: String,
    /// The findings about this ground (also among the section's findings).
    pub findings: Vec<Finding>,
}

/// A range of roubles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// Lower bound.
    pub min: i64,
    /// Upper bound.
    pub max: i64,
}

/// Rates used.
#[derive(Debug, Clone, Copy, PartialEq)]
#[allow(non_snake_case)]
pub struct RatesOut {
    /// Roubles per franc.
    pub CHF: f64,
    /// Roubles per euro.
    pub EUR: f64,
}

/// An amount in three currencies.
#[derive(Debug, Clone, Copy, PartialEq)]
#[allow(non_snake_case)]
pub struct Money {
    /// Roubles.
    pub RUB: Range,
    /// Swiss francs, rounded.
    pub CHF: Range,
    /// Euros, rounded.
    pub EUR: Range,
    /// The rates used.
    pub rub_per: RatesOut,
}

/// A sanction other than a fine.
#[derive(Debug, Clone, PartialEq)]
pub struct Sanction {
    /// Stable id.
    pub id: &'static str,
    /// In the requested language.
    pub text: String,
    /// Maximum months.
    pub max_months: Option<i64>,
    /// Maximum hours.
    pub max_hours: Option<i64>,
}

/// An offence the situation touches.
#[derive(Debug, Clone, PartialEq)]
pub struct Penalty {
    /// cao-21-5 | registration-duties | cc-328-1 | cc-328-2.
    pub id: &'static str,
    /// administrative | criminal.
    pub kind: &'static str,
    /// The article, in the requested language.
    pub legal_basis: String,
    /// likely | possible | unlikely | not-applicable | unknown.
    pub exposure: &'static str,
    /// The fine range.
    pub fine: Money,
    /// Other sanctions.
    pub other_sanctions: Vec<Sanction>,
    /// Findings.
    pub findings: Vec<Finding>,
    /// The day whose law gave the fine amounts.
    pub law_date: String,
}

/// A black-market price in the payment section.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentSection {
    /// Always "illegal".
    pub status: &'static str,
    /// One sentence.
    pub summary: String,
    /// Findings.
    pub findings: Vec<Finding>,
    /// Prices.
    pub prices: Vec<PriceOut>,
}

/// The conscription ages in force.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    /// Lower age.
    pub min: i64,
    /// Upper age (reached on that birthday).
    pub max: i64,
}

/// Age section.
#[derive(Debug, Clone, PartialEq)]
pub struct AgeOut {
    /// Completed years on asOf.
    pub years: Option<i64>,
    /// When only the year of birth is known: the two possible ages.
    pub years_range: Option<Window>,
    /// below | within | above | unknown.
    pub conscription_age: &'static str,
    /// The ages in force on asOf.
    pub window: Window,
    /// Findings.
    pub findings: Vec<Finding>,
}

/// A source as listed in a result.
#[derive(Debug, Clone, PartialEq)]
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
    /// Address.
    pub url: Option<&'static str>,
    /// report | article | beyond-seed.
    pub origin: &'static str,
    /// The document through which the tool knows it.
    pub quoted_in: Option<&'static str>,
}

/// Sources that differ, as shown in a result.
#[derive(Debug, Clone, PartialEq)]
pub struct DisagreementOut {
    /// Id.
    pub id: &'static str,
    /// What they differ on.
    pub text: String,
    /// The finding ids of each side.
    pub sides: Vec<&'static str>,
}

/// Knowledge version.
#[derive(Debug, Clone, PartialEq)]
pub struct KnowledgeRef {
    /// Version.
    pub version: &'static str,
    /// The report's date.
    pub report_date: String,
    /// The latest date the knowledge covers.
    pub current_to: String,
}

/// The assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The day evaluated.
    pub as_of: String,
    /// Language.
    pub lang: &'static str,
    /// Age.
    pub age: AgeOut,
    /// Deferral.
    pub deferral: Section,
    /// Penalties.
    pub penalties: Vec<Penalty>,
    /// Restrictions.
    pub restrictions: Section,
    /// Payment.
    pub payment: PaymentSection,
    /// Return risk.
    pub return_risk: Section,
    /// Deployment risk.
    pub deployment: Section,
    /// Input paths whose absence left a result uncertain.
    pub missing_facts: Vec<String>,
    /// Warnings.
    pub warnings: Vec<Finding>,
    /// Disagreements between sources among the findings.
    pub disagreements: Vec<DisagreementOut>,
    /// Every source cited, in order of first citation.
    pub sources: Vec<SourceOut>,
    /// Knowledge.
    pub knowledge: KnowledgeRef,
    /// Engine version.
    pub engine: &'static str,
}

// ------------------------------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------------------------------

/// One problem with the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// JSON path of the offending value ("" for the root).
    pub path: String,
    /// Machine-readable code, e.g. "unknown-field".
    pub code: &'static str,
    /// What is wrong, in English.
    pub message: String,
    /// For an unknown key, the nearest known key (so a page can say it in its own language).
    pub suggestion: Option<&'static str>,
}

/// Invalid input: every problem found, each with its path.
#[derive(Debug, Clone, PartialEq, Eq)]
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
// JSON output
// ------------------------------------------------------------------------------------------

/// Writes itself as JSON, with the API's field names and order (see `../shared/API.md`).
pub trait ToJson {
    /// Appends this value to `w`.
    fn write_json(&self, w: &mut JsonWriter);

    /// This value as JSON text.
    fn to_json(&self) -> String {
        let mut w = JsonWriter::with_capacity(4096);
        self.write_json(&mut w);
        w.finish()
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_array();
        for x in self {
            x.write_json(w);
        }
        w.end_array();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut JsonWriter) {
        self.as_slice().write_json(w);
    }
}

impl ToJson for CiteOut {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("id", self.id);
        w.field_opt_str("page", self.page);
        w.end_object();
    }
}

impl ToJson for Because {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("path", &self.path);
        w.key("value");
        w.value(&self.value);
        w.end_object();
    }
}

impl ToJson for Finding {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("id", self.id);
        w.field_str("severity", self.severity);
        w.field_str("text", &self.text);
        w.key("sources");
        self.sources.write_json(w);
        w.key("because");
        self.because.write_json(w);
        w.field_str("origin", self.origin);
        if !self.disagreements.is_empty() {
            w.key("disagreements");
            w.strs(&self.disagreements);
        }
        w.end_object();
    }
}

impl ToJson for Section {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("status", self.status);
        w.field_str("summary", &self.summary);
        w.key("findings");
        self.findings.write_json(w);
        if let Some(g) = &self.grounds {
            w.key("grounds");
            g.write_json(w);
        }
        w.end_object();
    }
}

impl ToJson for Ground {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("ground", self.ground);
        w.field_str("status", self.status);
        w.field_str("summary", &self.summary);
        w.key("findings");
        self.findings.write_json(w);
        w.end_object();
    }
}

impl ToJson for Range {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_int("min", self.min);
        w.field_int("max", self.max);
        w.end_object();
    }
}

impl ToJson for RatesOut {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.key("CHF");
        w.js_number(self.CHF);
        w.key("EUR");
        w.js_number(self.EUR);
        w.end_object();
    }
}

impl ToJson for Money {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.key("RUB");
        self.RUB.write_json(w);
        w.key("CHF");
        self.CHF.write_json(w);
        w.key("EUR");
        self.EUR.write_json(w);
        w.key("rubPer");
        self.rub_per.write_json(w);
        w.end_object();
    }
}

impl ToJson for Sanction {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("id", self.id);
        w.field_str("text", &self.text);
        if let Some(m) = self.max_months {
            w.field_int("maxMonths", m);
        }
        if let Some(h) = self.max_hours {
            w.field_int("maxHours", h);
        }
        w.end_object();
    }
}

impl ToJson for Penalty {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("id", self.id);
        w.field_str("kind", self.kind);
        w.field_str("legalBasis", &self.legal_basis);
        w.field_str("exposure", self.exposure);
        w.key("fine");
        self.fine.write_json(w);
        w.key("otherSanctions");
        self.other_sanctions.write_json(w);
        w.key("findings");
        self.findings.write_json(w);
        w.field_str("lawDate", &self.law_date);
        w.end_object();
    }
}

impl ToJson for PriceOut {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("id", self.id);
        w.field_str("text", &self.text);
        w.key("price");
        self.price.write_json(w);
        w.key("sources");
        self.sources.write_json(w);
        w.end_object();
    }
}

impl ToJson for PaymentSection {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("status", self.status);
        w.field_str("summary", &self.summary);
        w.key("findings");
        self.findings.write_json(w);
        w.key("prices");
        self.prices.write_json(w);
        w.end_object();
    }
}

impl ToJson for Window {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_int("min", self.min);
        w.field_int("max", self.max);
        w.end_object();
    }
}

impl ToJson for AgeOut {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        if let Some(y) = self.years {
            w.field_int("years", y);
        }
        if let Some(r) = &self.years_range {
            w.key("yearsRange");
            r.write_json(w);
        }
        w.field_str("conscriptionAge", self.conscription_age);
        w.key("window");
        self.window.write_json(w);
        w.key("findings");
        self.findings.write_json(w);
        w.end_object();
    }
}

impl ToJson for SourceOut {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("id", self.id);
        w.field_str("publisher", self.publisher);
        w.field_str("title", self.title);
        w.field_str("date", &self.date);
        w.field_str("datePrecision", self.date_precision);
        w.field_opt_str("url", self.url);
        w.field_str("origin", self.origin);
        w.field_opt_str("quotedIn", self.quoted_in);
        w.end_object();
    }
}

impl ToJson for DisagreementOut {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("id", self.id);
        w.field_str("text", &self.text);
        w.key("sides");
        w.strs(&self.sides);
        w.end_object();
    }
}

impl ToJson for KnowledgeRef {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("version", self.version);
        w.field_str("reportDate", &self.report_date);
        w.field_str("currentTo", &self.current_to);
        w.end_object();
    }
}

impl ToJson for Assessment {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("asOf", &self.as_of);
        w.field_str("lang", self.lang);
        w.key("age");
        self.age.write_json(w);
        w.key("deferral");
        self.deferral.write_json(w);
        w.key("penalties");
        self.penalties.write_json(w);
        w.key("restrictions");
        self.restrictions.write_json(w);
        w.key("payment");
        self.payment.write_json(w);
        w.key("returnRisk");
        self.return_risk.write_json(w);
        w.key("deployment");
        self.deployment.write_json(w);
        w.key("missingFacts");
        w.strs(&self.missing_facts);
        w.key("warnings");
        self.warnings.write_json(w);
        w.key("disagreements");
        self.disagreements.write_json(w);
        w.key("sources");
        self.sources.write_json(w);
        w.key("knowledge");
        self.knowledge.write_json(w);
        w.field_str("engine", self.engine);
        w.end_object();
    }
}

impl ToJson for Issue {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.field_str("path", &self.path);
        w.field_str("code", self.code);
        w.field_str("message", &self.message);
        w.field_opt_str("suggestion", self.suggestion);
        w.end_object();
    }
}

impl ToJson for AssessError {
    fn write_json(&self, w: &mut JsonWriter) {
        w.begin_object();
        w.key("issues");
        self.issues.write_json(w);
        w.end_object();
    }
}
