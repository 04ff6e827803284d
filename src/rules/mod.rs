//! The rules: one module per question. Each reads the case and the knowledge base and
//! returns its section of the assessment. No fact, amount or sentence is written here:
//! they are read from `crate::knowledge` by id.

pub mod age;
pub mod deferral;
pub mod deployment;
pub mod occupied;
pub mod payment;
pub mod penalties;
pub mod return_risk;
pub mod summonses;
pub mod warnings;

use crate::date::Date;
use crate::knowledge::{self, render, Arg, Origin, Statement, Text};
use crate::model::*;
use serde_json::Value as Json;

/// Whether a statement is known on `on`: a finding from a later source (origin `later`) is
/// shown only once every source it cites is dated on or before that day, so an assessment of
/// an earlier day reads as the knowledge stood then.
pub fn known_on(st: &Statement, on: Date) -> bool {
    st.origin != Origin::Later || st.cites.iter().all(|c| c.source().date <= on)
}

/// Whether a disagreement is shown on `on`: only when every side of it is known then.
pub fn disagreement_known(d: &knowledge::Disagreement, on: Date) -> bool {
    d.sides.iter().all(|s| known_on(s, on))
}

/// What every rule sees: the case, the options, and the list of missing facts it adds to.
pub struct Ctx<'a> {
    /// The case.
    pub case: &'a CaseInput,
    /// The options (language, date, rates).
    pub opts: &'a Options,
    missing: Vec<Fact>,
}

impl<'a> Ctx<'a> {
    /// A context for one assessment.
    pub fn new(case: &'a CaseInput, opts: &'a Options) -> Ctx<'a> {
        Ctx {
            case,
            opts,
            missing: Vec::new(),
        }
    }

    /// Records that the absence of `path` left a result uncertain (once per path).
    pub fn missing(&mut self, fact: Fact) {
        if !self.missing.contains(&fact) {
            self.missing.push(fact);
        }
    }

    /// The missing facts, in the order first recorded.
    pub fn into_missing(self) -> Vec<Fact> {
        self.missing
    }

    /// A text from data/texts in the requested language.
    pub fn text(&self, t: &Text, args: &[(&str, Arg)]) -> String {
        render(t.text.get(self.opts.lang), self.opts.lang, args)
    }

    /// A finding from a statement.
    pub fn finding(
        &self,
        st: &'static Statement,
        because: Vec<Because>,
        args: &[(&str, Arg)],
    ) -> Finding {
        Finding {
            id: st.id,
            severity: match st.severity {
                knowledge::Severity::Info => Severity::Info,
                knowledge::Severity::Caution => Severity::Caution,
                knowledge::Severity::Warning => Severity::Warning,
            },
            text: render(st.text.get(self.opts.lang), self.opts.lang, args),
            sources: cites_out(st.cites),
            because,
            origin: st.origin.as_str(),
            disagreements: knowledge::disagreements_of(st)
                .filter(|d| disagreement_known(d, self.opts.as_of))
                .map(|d| d.id)
                .collect(),
        }
    }

    /// Converts roubles at the options' rates.
    pub fn money(&self, min: i64, max: i64) -> Money {
        money(min, max, self.opts.rub_per)
    }
}

/// The citations of a statement or price, as a result lists them.
pub fn cites_out(cites: &[knowledge::Cite]) -> Vec<CiteOut> {
    cites
        .iter()
        .map(|c| CiteOut {
            id: c.source().id,
            page: c.page(),
        })
        .collect()
}

/// Roubles to a currency at `rub_per` roubles a unit, rounded to a whole unit.
pub fn convert_rub(amount: i64, rub_per: f64) -> i64 {
    // Amounts are at most a few million roubles and rates are positive and finite (checked
    // at the boundary), so the result fits comfortably; `as` saturates on the impossible.
    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
    let v = (amount as f64 / rub_per).round() as i64;
    v
}

/// An amount in roubles, francs and euros.
pub fn money(min: i64, max: i64, r: RubPer) -> Money {
    Money {
        rub: Range { min, max },
        chf: Range {
            min: convert_rub(min, r.chf),
            max: convert_rub(max, r.chf),
        },
        eur: Range {
            min: convert_rub(min, r.eur),
            max: convert_rub(max, r.eur),
        },
        rub_per: RatesOut {
            chf: r.chf,
            eur: r.eur,
        },
    }
}

/// A "because" entry.
pub fn because(path: Fact, value: impl Into<Json>) -> Because {
    Because {
        path,
        value: value.into(),
    }
}

/// A list of findings that keeps each statement once and, when a statement is one side of
/// a disagreement between sources, adds the other sides right after it.
#[derive(Default)]
pub struct Findings {
    items: Vec<Finding>,
}

impl Findings {
    /// Adds a finding (and the other sides of its disagreements).
    pub fn add(
        &mut self,
        ctx: &Ctx<'_>,
        st: &'static Statement,
        because: Vec<Because>,
        args: &[(&str, Arg)],
    ) {
        let as_of = ctx.opts.as_of;
        if self.items.iter().any(|f| f.id == st.id) || !known_on(st, as_of) {
            return;
        }
        self.items.push(ctx.finding(st, because, args));
        for d in knowledge::disagreements_of(st).filter(|d| disagreement_known(d, as_of)) {
            for side in d.sides {
                if !self.items.iter().any(|f| f.id == side.id) {
                    self.items.push(ctx.finding(side, Vec::new(), &[]));
                }
            }
        }
    }

    /// Adds a finding with no input facts and no placeholders.
    pub fn plain(&mut self, ctx: &Ctx<'_>, st: &'static Statement) {
        self.add(ctx, st, Vec::new(), &[]);
    }

    /// The findings.
    pub fn into_vec(self) -> Vec<Finding> {
        self.items
    }
}
