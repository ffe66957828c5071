//! Names and their normal forms: the one place that says when two names are "the same".
//!
//! kg compares names for different purposes, and each purpose has its own normal form.
//! They differ, and the graphs kg builds and the scores it reports depend on each
//! difference, so each is a named function here, with what it is for:
//!
//! | normal form | for | "The Brown Bears" | "Kim Jong-un" | "P'yŏngyang" |
//! |---|---|---|---|---|
//! | [`slug`] | entity ids, and (with the kind) one entity per name inside an article | `the-brown-bears` | `kim-jong-un` | `pyŏngyang` |
//! | [`lookup_key`] | what a user types to find an entity; the names the knowledge base joins across articles | `brown bears` | `kim jong-un` | `p'yŏngyang` |
//! | [`spelling_key`] | names whose spelling should not matter: accents and punctuation off (`kg duplicates`) | `brown bears` | `kim jong un` | `pyongyang` |
//! | [`lexicon_key`] | a phrase of the lexicons, as the tokenizer splits it | `the brown bears` | `kim jong-un` | `p'yŏngyang` |
//! | [`mention_words`] | the words two names of one entity inside an article are compared by | `brown`, `bear` | `kim`, `jong`, `un` | `p'yŏngyang` |
//! | [`score_key`] | the scorer's matching rule (every simple English plural folded) | `brown bear` | `kim jong un` | `pyŏngyang` |
//!
//! Plurals are where they disagree: resolution inside an article drops a final "s"
//! ([`mention_words`]); the knowledge base joins an article's entity to a base entity
//! through names equal by [`lookup_key`], which folds no plural; the scorer folds every
//! simple English plural ([`singular`]). Changing any of them changes the graphs kg
//! builds or the scores it reports.

/// A stable id for a name: lowercase ASCII letters and digits joined by `-`; other
/// letters (Cyrillic, Hangul, ...) are kept as they are, apostrophes dropped. Never empty.
///
/// "Democratic People's Republic of Korea" → `democratic-peoples-republic-of-korea`;
/// "  Kursk region, " → `kursk-region`; "!!!" → `entity`.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            // "People's" -> "peoples"
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("entity");
    }
    out
}

/// The lookup key: what a name typed by a user must equal to find an entity by one of its
/// names, and the key the knowledge base joins names by across articles. Lowercase, curly
/// apostrophes and quotes made straight, white space (and control characters: text output
/// shows them as spaces, so the name a user reads resolves) single spaces, a leading
/// "the " dropped.
///
/// "The  Pyongyang Central Zoo" → `pyongyang central zoo`; "People’s" → `people's`.
pub fn lookup_key(name: &str) -> String {
    if name.is_ascii() {
        return ascii_lookup_key(name.as_bytes());
    }
    any_lookup_key(name)
}

/// [`lookup_key`] of an ASCII name, byte by byte (the rebuilds and merges of large bases
/// spend much of their time here): the ASCII white space and control characters are the
/// bytes up to the space and DEL, and lowercasing is ASCII's.
fn ascii_lookup_key(name: &[u8]) -> String {
    let mut out = Vec::with_capacity(name.len());
    ascii_key_into(name, &mut out);
    String::from_utf8(out).expect("ASCII is UTF-8")
}

/// [`lookup_key`] of a name, written over `out` (its allocation reused: for the loops that
/// only compare or hash each key).
pub fn lookup_key_into(name: &str, out: &mut String) {
    if !name.is_ascii() {
        *out = any_lookup_key(name);
        return;
    }
    let mut bytes = std::mem::take(out).into_bytes();
    ascii_key_into(name.as_bytes(), &mut bytes);
    *out = String::from_utf8(bytes).expect("ASCII is UTF-8");
}

/// [`ascii_lookup_key`] written over `out`.
fn ascii_key_into(name: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut gap = false;
    for &c in name {
        if c <= b' ' || c == 0x7f {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(b' ');
            gap = false;
        }
        out.push(if c == b'`' {
            b'\''
        } else {
            c.to_ascii_lowercase()
        });
    }
    if out.len() > 4 && out.starts_with(b"the ") {
        out.drain(..4);
    }
}

/// [`lookup_key`] of any name.
fn any_lookup_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let words = name
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty());
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '`' => out.push('\''),
                '\u{201C}' | '\u{201D}' => out.push('"'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => out,
    }
}

/// The spelling key: a name's [`lookup_key`], then folded for comparison across
/// spellings: accents taken off ("Khürelsükh" → `khurelsukh`, "P'yŏngyang" →
/// `pyongyang`), apostrophes dropped and every other character that is not a letter or
/// digit made a word break ("Jong-un" → `jong un`). Letters outside the Latin script are
/// kept as they are. The one folding kg compares names by where spelling should not
/// matter (`kg duplicates`).
pub fn spelling_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in lookup_key(name).chars() {
        if let Some(plain) = unaccented(c) {
            out.push_str(plain);
        } else if c.is_alphanumeric() {
            out.push(c);
        } else if ('\u{300}'..='\u{36F}').contains(&c) {
            // a combining accent ("u\u{308}", the dot of a lowercased "İ")
        } else if matches!(c, '\'' | '\u{2BC}' | '\u{2BB}' | '\u{2BE}' | '\u{2BF}') {
            // "People's" → "peoples", "P'yŏngyang" → "pyongyang"
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The plain letters of a lowercase Latin letter with an accent (Latin-1 and Latin
/// Extended-A, and the few more that transliterations use), or `None`.
fn unaccented(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'ơ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' | 'ư' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    })
}

/// True when the name has a letter [`spelling_key`] takes an accent off.
pub fn has_accents(name: &str) -> bool {
    lookup_key(name).chars().any(|c| unaccented(c).is_some())
}

/// The lexicon key: a phrase of the lexicons as the tokenizer's words make it. Lowercase,
/// single-spaced, curly apostrophes made straight, a possessive "'s" split off as its own
/// word: "People's" → `people 's`. A leading "the" is kept (lexicon phrases are matched
/// word by word).
pub fn lexicon_key(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in s.split_whitespace() {
        let w = w.to_lowercase().replace('\u{2019}', "'");
        match w.strip_suffix("'s") {
            Some(stem) if !stem.is_empty() => {
                out.push(stem.to_string());
                out.push("'s".to_string());
            }
            _ => out.push(w),
        }
    }
    out.join(" ")
}

/// Honorifics, dropped by [`mention_words`]: "Mrs Harrison" is "Laura Harrison"'s surname
/// with a courtesy title.
/// The mention finder leaves one written with its period out of a name ("Dr. Lind").
/// Military ranks written short ("Gen. X", "Lt. Col. Y") are read the same way.
pub const HONORIFICS: [&str; 17] = [
    "mr", "mrs", "ms", "dr", "prof", "messrs", "hon", "gen", "lt", "col", "maj", "capt", "sgt",
    "adm", "brig", "h.e", "h.e.",
];

/// The words two names of one entity inside an article are compared by (is one name's
/// word set a subset of the other's?): split at anything but letters, digits and
/// apostrophes, lowercase, accents taken off as [`spelling_key`] does, a final "s" dropped when more than three bytes stay and they do
/// not end in "s" (a simpler plural rule than [`singular`]), and "the", "'s" and
/// honorifics left out.
///
/// "the Brown Bears" → `brown`, `bear`; "Moscow Zoos" → `moscow`, `zoos` (three letters
/// stay); "Mrs Harrison" → `harrison`; "Stefanović" → `stefanovic`.
pub fn mention_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| {
            // "Stefanović" and "Stefanovic" are one word.
            let mut folded = String::with_capacity(w.len());
            for c in w.chars().flat_map(char::to_lowercase) {
                match unaccented(c) {
                    Some(plain) => folded.push_str(plain),
                    None => folded.push(c),
                }
            }
            let w = folded;
            match w.strip_suffix('s') {
                Some(stem) if stem.len() > 3 && !stem.ends_with('s') => stem.to_string(),
                _ => w,
            }
        })
        .filter(|w| w != "the" && w != "'s" && !HONORIFICS.contains(&w.as_str()))
        .collect()
}

/// The words of a text as the scorer reads them: lowercased, apostrophes dropped, other
/// punctuation read as space, each word's plural folded by [`singular`].
///
/// "Russia's brown bears" → `russia`, `brown`, `bear`.
pub fn score_words(text: &str) -> Vec<String> {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            cleaned.extend(c.to_lowercase());
        } else if c != '\'' && c != '\u{2019}' {
            cleaned.push(' ');
        }
    }
    cleaned.split_whitespace().map(singular).collect()
}

/// The score key: a name as the scorer's matching rule compares it (`kg eval`): its
/// [`score_words`] joined by one space, with a leading "the" dropped.
///
/// "The Moscow Zoos" → `moscow zoo`; "Russia's Kursk region" → `russia kursk region`.
pub fn score_key(name: &str) -> String {
    let mut w = score_words(name);
    if w.len() > 1 && w[0] == "the" {
        w.remove(0);
    }
    w.join(" ")
}

/// The singular of a simple English plural; other words unchanged: `-ies` → `-y` (in
/// words of five letters or more); `-ches`, `-shes`, `-sses`, `-xes`, `-zes` lose `-es`;
/// another final `-s` is dropped unless the word ends in `-ss` or is three letters or
/// fewer. Irregular plurals ("geese", "mice") are left as they are.
pub fn singular(word: &str) -> String {
    let n = word.chars().count();
    if n > 4
        && let Some(stem) = word.strip_suffix("ies")
    {
        return format!("{stem}y");
    }
    for suffix in ["ches", "shes", "sses", "xes", "zes"] {
        if n > suffix.len() + 1 && word.ends_with(suffix) {
            return word[..word.len() - 2].to_string();
        }
    }
    if n > 3 && word.ends_with('s') && !word.ends_with("ss") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte key of an ASCII name is the one every name gets.
    #[test]
    fn the_ascii_lookup_key_is_the_general_one() {
        let mut names: Vec<String> = [
            "",
            " ",
            "the",
            "The ",
            "the  x",
            "THE Zoo",
            " the\tzoo ",
            "the\u{7f}zoo",
            "Kim`s",
            "A\x0bB",
            "a\x1fb",
            "People's",
            "  Lake  Dunmouth 67 ",
            "thee x",
        ]
        .map(String::from)
        .to_vec();
        // Every string of up to 4 bytes from a small alphabet with each kind of byte.
        let alphabet = [b' ', b'\t', 0x7f, 0x01, b'`', b'T', b'h', b'e', b'x', b'-'];
        let mut level: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..4 {
            level = level
                .iter()
                .flat_map(|w| alphabet.iter().map(move |&c| [w.as_slice(), &[c]].concat()))
                .collect();
            names.extend(level.iter().map(|w| String::from_utf8(w.clone()).unwrap()));
        }
        for n in &names {
            assert_eq!(ascii_lookup_key(n.as_bytes()), any_lookup_key(n), "{n:?}");
        }
    }

    #[test]
    fn slug_is_lowercase_and_dashed() {
        assert_eq!(slug("Vladimir Putin"), "vladimir-putin");
        assert_eq!(
            slug("Democratic People's Republic of Korea"),
            "democratic-peoples-republic-of-korea"
        );
        assert_eq!(slug("  Kursk region, "), "kursk-region");
        assert_eq!(slug("Москва"), "москва");
        assert_eq!(slug("!!!"), "entity");
    }

    #[test]
    fn a_lookup_key_written_over_a_string_is_the_lookup_key() {
        let mut out = String::from("left over from before");
        for name in [
            "The  Pyongyang Central\tZoo",
            "People\u{2019}s Army",
            "The",
            "",
            "  the Hague ",
            "Khürelsükh",
            "Brown Bears",
        ] {
            lookup_key_into(name, &mut out);
            assert_eq!(out, lookup_key(name), "{name:?}");
        }
    }

    #[test]
    fn lookup_key_ignores_case_spaces_quotes_and_a_leading_the() {
        assert_eq!(
            lookup_key("The  Pyongyang Central\tZoo"),
            "pyongyang central zoo"
        );
        assert_eq!(lookup_key("People\u{2019}s Army"), "people's army");
        assert_eq!(lookup_key("\u{201C}Hi\u{201D}"), "\"hi\"");
        assert_eq!(lookup_key("The"), "the");
        assert_eq!(lookup_key("Brown Bears"), "brown bears");
    }

    #[test]
    fn control_characters_are_white_space() {
        // Text output shows "Bell\u{7} Embassy" as "Bell Embassy": that name finds it.
        assert_eq!(lookup_key("Bell\u{7} Embassy"), "bell embassy");
        assert_eq!(lookup_key("\u{1b}[31mRed\nFleet\u{0}"), "[31mred fleet");
        assert_eq!(lookup_key("\u{7}\u{1b}"), "");
    }

    #[test]
    fn spelling_key_takes_accents_off_and_breaks_words_at_punctuation() {
        assert_eq!(spelling_key("Ukhnaa Khürelsükh"), "ukhnaa khurelsukh");
        assert_eq!(spelling_key("  KHÜRELSÜKH "), "khurelsukh");
        assert_eq!(spelling_key("P\u{2019}yŏngyang"), "pyongyang");
        assert_eq!(spelling_key("P'yŏngyang"), "pyongyang");
        assert_eq!(spelling_key("Kim Jong-un"), "kim jong un");
        assert_eq!(
            spelling_key("The Lech Wałęsa Airport"),
            "lech walesa airport"
        );
        assert_eq!(spelling_key("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
        assert_eq!(spelling_key("Straße"), "strasse");
        assert_eq!(spelling_key("Khu\u{308}relsu\u{308}kh"), "khurelsukh");
        assert_eq!(spelling_key("U.S."), "u s");
        assert_eq!(spelling_key("Москва"), "москва");
        assert!(has_accents("Khürelsükh") && !has_accents("Khurelsukh"));
    }

    #[test]
    fn lexicon_key_splits_possessives_and_keeps_the() {
        assert_eq!(
            lexicon_key("Democratic People\u{2019}s  Republic"),
            "democratic people 's republic"
        );
        assert_eq!(lexicon_key("The Hague"), "the hague");
        assert_eq!(lexicon_key("'s"), "'s");
    }

    #[test]
    fn mention_words_drop_a_final_s_honorifics_and_the() {
        assert_eq!(mention_words("the Brown Bears"), ["brown", "bear"]);
        assert_eq!(mention_words("Moscow Zoos"), ["moscow", "zoos"]);
        assert_eq!(mention_words("Mrs Harrison"), ["harrison"]);
        assert_eq!(mention_words("Kim Jong-un"), ["kim", "jong", "un"]);
        assert_eq!(
            mention_words("Nebojša Stefanović"),
            ["nebojsa", "stefanovic"]
        );
        // Only "s": "ponies" keeps its "ie", "gas" and "bass" stay.
        assert_eq!(mention_words("ponies gas bass"), ["ponie", "gas", "bass"]);
    }

    #[test]
    fn score_key_folds_plurals_case_apostrophes_and_the() {
        assert_eq!(score_key("The Moscow Zoos"), "moscow zoo");
        assert_eq!(score_key("Brown Bears"), "brown bear");
        assert_eq!(score_key("Russia's Kursk region"), "russia kursk region");
        assert_eq!(score_key("the"), "the");
        assert_eq!(score_key("Bank of the North"), "bank of the north");
        assert_eq!(
            score_words("Jong-un and the ponies"),
            ["jong", "un", "and", "the", "pony"]
        );
    }

    #[test]
    fn plurals_fold_to_the_singular() {
        for (plural, one) in [
            ("bears", "bear"),
            ("cockatoos", "cockatoo"),
            ("species", "specy"),
            ("ponies", "pony"),
            ("foxes", "fox"),
            ("finches", "finch"),
            ("bushes", "bush"),
            ("forces", "force"),
            ("geese", "geese"),
            ("gas", "gas"),
            ("tass", "tass"),
            ("glass", "glass"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }

    #[test]
    fn the_forms_differ_where_the_module_doc_says() {
        // One name, three purposes: a user's lookup keeps the plural, resolution inside an
        // article and the scorer fold it (each its own way).
        assert_eq!(lookup_key("Ponies"), "ponies");
        assert_eq!(mention_words("Ponies"), ["ponie"]);
        assert_eq!(score_key("Ponies"), "pony");
        assert_eq!(slug("The Ponies"), "the-ponies");
    }
}
