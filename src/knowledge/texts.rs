//! The texts of each language, held apart from the tables: a `Localized` is an index into
//! one language's list, and each list is a file of its own (`texts/<lang>.bin`, written by
//! `build.rs`, format in `schema::encode_texts`). With the `embedded-texts` feature (the
//! default: native tests, benches, a Rust user) the four files are compiled in and read on
//! first use; without it (the npm package's wasm module) a language is there once its file
//! has been handed to [`load`] — by the JavaScript entry's `init()` or `loadLanguage()`.
//! An assessment in a language not loaded is refused ("language-not-loaded"), never
//! answered in another language.

use crate::model::Lang;
use std::sync::OnceLock;

use super::generated::{TEXTS_FINGERPRINT, TEXT_COUNT};

/// One language's texts: the UTF-8 of all of them and where each ends.
#[derive(Debug)]
pub struct Texts {
    text: Box<str>,
    ends: Box<[u32]>,
}

impl Texts {
    /// Text number `index`, or "" for an index out of range (which the build rules out).
    pub fn get(&self, index: u16) -> &str {
        let i = usize::from(index);
        let start = match i.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.text.get(start as usize..end as usize).unwrap_or("")
    }
}

/// Why a texts file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not a texts file (wrong first bytes, or too short).
    NotTexts,
    /// A texts file of another build of the engine (another version of data/).
    OtherBuild,
    /// A texts file of another language.
    OtherLanguage(String),
    /// Damaged: counts and lengths that don't add up, or text that is not UTF-8.
    Damaged(&'static str),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotTexts => f.write_str("not a texts file of conscription-check"),
            LoadError::OtherBuild => f.write_str(
                "a texts file of another build of the engine (the .wasm and the texts files must come from the same package)",
            ),
            LoadError::OtherLanguage(l) => write!(f, "the texts file is for the language \"{l}\""),
            LoadError::Damaged(why) => write!(f, "a damaged texts file: {why}"),
        }
    }
}

fn read_u32(b: &[u8], at: usize) -> Option<u32> {
    let s: [u8; 4] = b.get(at..at + 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(s))
}

fn read_u64(b: &[u8], at: usize) -> Option<u64> {
    let s: [u8; 8] = b.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(s))
}

/// Reads one language's texts file, checking all of it.
pub fn parse(lang: Lang, bytes: &[u8]) -> Result<Texts, LoadError> {
    if bytes.get(..4) != Some(b"CCT1".as_slice()) {
        return Err(LoadError::NotTexts);
    }
    let fingerprint = read_u64(bytes, 4).ok_or(LoadError::NotTexts)?;
    if fingerprint != TEXTS_FINGERPRINT {
        return Err(LoadError::OtherBuild);
    }
    let code = bytes.get(12..14).ok_or(LoadError::NotTexts)?;
    if code != lang.code().as_bytes() {
        return Err(LoadError::OtherLanguage(
            // The two bytes as they are where they are printable ASCII (every language code
            // is), `?` for any other byte: the message names the file's language, or shows
            // that the file is not one of ours.
            code.iter()
                .map(|&b| {
                    if b.is_ascii_graphic() {
                        char::from(b)
                    } else {
                        '?'
                    }
                })
                .collect(),
        ));
    }
    let count = read_u32(bytes, 14).ok_or(LoadError::NotTexts)? as usize;
    if count != TEXT_COUNT {
        return Err(LoadError::Damaged("the number of texts differs"));
    }
    let lengths = bytes
        .get(18..18 + 2 * count)
        .ok_or(LoadError::Damaged("cut short"))?;
    let body = bytes.get(18 + 2 * count..).unwrap_or_default();
    let text = std::str::from_utf8(body).map_err(|_| LoadError::Damaged("not UTF-8"))?;
    let mut ends = Vec::with_capacity(count);
    let mut end: usize = 0;
    for pair in lengths.chunks_exact(2) {
        let n = pair
            .first()
            .zip(pair.get(1))
            .map_or(0, |(lo, hi)| u16::from_le_bytes([*lo, *hi]));
        end += usize::from(n);
        if !text.is_char_boundary(end) {
            return Err(LoadError::Damaged(
                "a text ends inside a character or past the end",
            ));
        }
        ends.push(u32::try_from(end).map_err(|_| LoadError::Damaged("too long"))?);
    }
    if end != text.len() {
        return Err(LoadError::Damaged("the lengths don't add up to the text"));
    }
    Ok(Texts {
        text: text.into(),
        ends: ends.into_boxed_slice(),
    })
}

fn slot(lang: Lang) -> &'static OnceLock<Texts> {
    static LOADED: [OnceLock<Texts>; 4] = [const { OnceLock::new() }; 4];
    let [en, fr, de, ru] = &LOADED;
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
        Lang::De => de,
        Lang::Ru => ru,
    }
}

#[cfg(feature = "embedded-texts")]
fn embedded(lang: Lang) -> &'static [u8] {
    match lang {
        Lang::En => include_bytes!(concat!(env!("OUT_DIR"), "/texts/en.bin")),
        Lang::Fr => include_bytes!(concat!(env!("OUT_DIR"), "/texts/fr.bin")),
        Lang::De => include_bytes!(concat!(env!("OUT_DIR"), "/texts/de.bin")),
        Lang::Ru => include_bytes!(concat!(env!("OUT_DIR"), "/texts/ru.bin")),
    }
}

/// The texts of `lang`, if loaded (with `embedded-texts`: always, read on first use).
pub fn get(lang: Lang) -> Option<&'static Texts> {
    let cell = slot(lang);
    #[cfg(feature = "embedded-texts")]
    if cell.get().is_none() {
        if let Ok(t) = parse(lang, embedded(lang)) {
            // A concurrent first use may have set it already: the same texts either way.
            let _ = cell.set(t);
        }
    }
    cell.get()
}

/// Whether the texts of `lang` are loaded.
pub fn is_loaded(lang: Lang) -> bool {
    get(lang).is_some()
}

/// Loads `lang` from its texts file. Loading a language again does nothing (the file is
/// still checked, so a wrong file is refused even then).
///
/// # Errors
/// A file that is not this build's texts file of `lang`.
pub fn load(lang: Lang, bytes: &[u8]) -> Result<(), LoadError> {
    let texts = parse(lang, bytes)?;
    let _ = slot(lang).set(texts);
    Ok(())
}

/// The languages loaded, in the order of [`Lang::ALL`].
pub fn loaded() -> Vec<Lang> {
    Lang::ALL.into_iter().filter(|l| is_loaded(*l)).collect()
}

#[cfg(all(test, feature = "embedded-texts"))]
mod tests {
    use super::*;

    #[test]
    fn every_file_reads_and_is_what_the_tables_expect() {
        for lang in Lang::ALL {
            let t = parse(lang, embedded(lang)).expect("the build's own file");
            assert_eq!(t.ends.len(), TEXT_COUNT);
            assert!(load(lang, embedded(lang)).is_ok(), "loading again is fine");
        }
        assert_eq!(loaded(), Lang::ALL);
    }

    #[test]
    fn a_wrong_file_is_refused() {
        let en = embedded(Lang::En);
        assert_eq!(
            parse(Lang::Fr, en).unwrap_err(),
            LoadError::OtherLanguage("en".into())
        );
        assert_eq!(parse(Lang::En, b"").unwrap_err(), LoadError::NotTexts);
        assert_eq!(
            parse(Lang::En, b"\0asm\x01\0\0\0").unwrap_err(),
            LoadError::NotTexts
        );
        let mut other = en.to_vec();
        if let Some(b) = other.get_mut(4) {
            *b ^= 1;
        }
        assert_eq!(parse(Lang::En, &other).unwrap_err(), LoadError::OtherBuild);
        // Cut short, one byte too many, not UTF-8.
        assert!(matches!(
            parse(Lang::En, &en[..en.len() - 1]),
            Err(LoadError::Damaged(_))
        ));
        let mut longer = en.to_vec();
        longer.push(b'x');
        assert!(matches!(
            parse(Lang::En, &longer),
            Err(LoadError::Damaged(_))
        ));
        let mut foreign = en.to_vec();
        foreign[12] = 0xd0;
        foreign[13] = b'x';
        assert_eq!(
            parse(Lang::En, &foreign).err(),
            Some(LoadError::OtherLanguage("?x".into()))
        );
        let mut bad = en.to_vec();
        if let Some(b) = bad.last_mut() {
            *b = 0xff;
        }
        assert!(matches!(parse(Lang::En, &bad), Err(LoadError::Damaged(_))));
        assert!(matches!(
            parse(Lang::En, &en[..40]),
            Err(LoadError::Damaged(_))
        ));
    }

    #[test]
    fn texts_are_the_data_texts() {
        use crate::knowledge;
        let st = knowledge::statement("study.deferral-automatic").expect("a known statement");
        for lang in Lang::ALL {
            assert!(!st.text.get(lang).is_empty());
        }
        // Texts are found by id through TEXT_IDS, which is in the order of TEXTS.
        assert_eq!(knowledge::TEXT_IDS.len(), knowledge::TEXTS.len());
        let pattern = knowledge::text("date.pattern").expect("a known text");
        assert!(std::ptr::eq(pattern, &knowledge::tx::DATE_PATTERN));
        assert_eq!(pattern.text.get(Lang::En), "{day} {month} {year}");
        assert!(knowledge::text("no.such-text").is_none());
        for t in knowledge::GLOSSARY {
            let en = t.text.get(Lang::En);
            for lang in Lang::ALL {
                assert_eq!(t.english(lang), en, "{}", t.id);
            }
        }
    }
}
