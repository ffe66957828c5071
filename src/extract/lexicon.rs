//! The extraction lexicons: word lists kept as data files under `lexicon/*.txt`, built
//! into the binary with `include_str!` and parsed once into hash tables.
//!
//! Every file has one entry a line, `#` starts a comment, fields are separated by `|`
//! and a field may hold several values separated by `,`. Each file documents its own
//! fields at the top. Keys are lowercase words joined by one space. The gazetteer of
//! regions, `lexicon/regions.tsv` (from GeoNames, CC BY 4.0), is tab-separated and made
//! by `scripts/gazetteer/admin1_regions.py`; see [`regions`].

use crate::model::name::lexicon_key;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: lexicon keys are short words, for which it is much faster than SipHash (the
/// lexicons are built into the binary, so hash flooding is not a concern).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map keyed by lexicon words.
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A set of lexicon words.
pub type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// One country of `countries.txt`.
#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
}

/// What a country word is: the country's name or an alias, its adjective, its capital.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryForm {
    Name,
    Demonym,
    Capital,
    /// A demonym's plural naming the country's people: "Americans", "South Koreans".
    People,
}

/// A noun of a noun lexicon (animals, things, groups, institution cues): its singular,
/// and whether the matched form was the plural.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NounForm {
    pub entry: usize,
    pub plural: bool,
}

/// What a title gives with a country ("Russian President X") or with "of" an
/// institution ("Director of Y").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleLink {
    Leads,
    Member,
    Nothing,
}

/// One title of `titles.txt`.
#[derive(Debug, Clone)]
pub struct Title {
    /// The title as listed, lowercase: "foreign minister", "senior official".
    pub name: String,
    pub with_country: RoleLink,
    pub with_of: RoleLink,
    /// The institution word a "Minister of Z" heads ("ministry").
    pub institution: Option<String>,
    /// The title a modifier of `title_modifiers.txt` made this one of ("senior
    /// official" → "official"), or this title itself: "the official" written later
    /// is the one "a senior official" was.
    pub base: usize,
}

/// The relation families of `verbs.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    Send,
    GiveNoun,
    Receive,
    Arrive,
    Speech,
    Deploy,
    DeployNoun,
    Sign,
    Fight,
    FightNoun,
    Cooperate,
    CooperateVerb,
    Include,
    Assist,
    Lead,
    Denial,
    Stance,
    StanceNoun,
    Release,
}

impl Family {
    fn parse(s: &str) -> Option<Family> {
        Some(match s {
            "send" => Family::Send,
            "give-noun" => Family::GiveNoun,
            "receive" => Family::Receive,
            "arrive" => Family::Arrive,
            "speech" => Family::Speech,
            "deploy" => Family::Deploy,
            "deploy-noun" => Family::DeployNoun,
            "sign" => Family::Sign,
            "fight" => Family::Fight,
            "fight-noun" => Family::FightNoun,
            "cooperate" => Family::Cooperate,
            "cooperate-verb" => Family::CooperateVerb,
            "include" => Family::Include,
            "assist" => Family::Assist,
            "lead" => Family::Lead,
            "denial" => Family::Denial,
            "stance" => Family::Stance,
            "stance-noun" => Family::StanceNoun,
            "release" => Family::Release,
            _ => return None,
        })
    }
}

/// A table of multi-word keys: the value of each key, and for each first word the
/// largest number of words a key starting with it has (so that matching tries only
/// lengths that can succeed).
#[derive(Debug)]
pub struct Phrases<V> {
    map: WordMap<String, V>,
    first: WordMap<String, usize>,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            map: WordMap::default(),
            first: WordMap::default(),
        }
    }
}

impl<V> Phrases<V> {
    fn insert(&mut self, key: &str, value: V) {
        let key = lexicon_key(key);
        if key.is_empty() {
            return;
        }
        let n = key.split(' ').count();
        let first = key.split(' ').next().unwrap_or_default().to_string();
        let longest = self.first.entry(first).or_insert(0);
        *longest = (*longest).max(n);
        self.map.entry(key).or_insert(value);
    }

    /// The longest key that the words `words[0..]` start with: its length in words and
    /// its value.
    pub fn longest<'a, S: AsRef<str>>(&'a self, words: &[S]) -> Option<(usize, &'a V)> {
        let first = words.first()?.as_ref();
        let max = (*self.first.get(first)?).min(words.len());
        let mut key = String::new();
        let mut best = None;
        for (i, w) in words.iter().take(max).enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(w.as_ref());
            if let Some(v) = self.map.get(&key) {
                best = Some((i + 1, v));
            }
        }
        best
    }

    /// The first words of the keys.
    pub fn first_words(&self) -> impl Iterator<Item = &String> {
        self.first.keys()
    }

    /// The value of exactly this key.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.map.get(key)
    }
}

/// The last words of an institution's name that make it a place one visits, located
/// where its owner is rather than a body of its owner: "England's Banham Zoo" is
/// located in England, "Romania's Ministry of Defence" a member of Romania (the
/// guideline, section 3).
pub const FACILITIES: [&str; 27] = [
    "zoo",
    "zoos",
    "aquarium",
    "sanctuary",
    "park",
    "garden",
    "gardens",
    "museum",
    "library",
    "hospital",
    "airport",
    "prison",
    "jail",
    "university",
    "institute",
    "centre",
    "center",
    "reserve",
    "base",
    "station",
    "school",
    "college",
    "stadium",
    "hotel",
    "palace",
    "cathedral",
    "hall",
];

/// True when an institution named `name` is a facility (see [`FACILITIES`]).
pub fn is_facility(name: &str) -> bool {
    name.split_whitespace()
        .next_back()
        .is_some_and(|w| FACILITIES.contains(&w.to_lowercase().as_str()))
}

/// A common noun for an organisation: an institution's cue word ("agency",
/// "broadcaster") or a word for a company by what it does ("exporter", "carmaker").
pub fn is_organisation_noun(w: &str) -> bool {
    lexicons().institution_forms.get(w).is_some()
        || matches!(
            w,
            "exporter"
                | "importer"
                | "maker"
                | "carmaker"
                | "automaker"
                | "manufacturer"
                | "producer"
                | "operator"
                | "airline"
                | "carrier"
                | "giant"
                | "regulator"
                | "watchdog"
                | "retailer"
                | "supplier"
                | "developer"
                | "lender"
                | "insurer"
                | "conglomerate"
                | "outlet"
                | "wing"
                | "unit"
                | "division"
                | "subsidiary"
                | "affiliate"
        )
}

/// Words that open the name of an undertaking, not of anyone who acts or speaks:
/// "Operation Faithful Patriot", "Project Cheetah", "Programme Vaccinate". Such a
/// name is no entity.
pub const UNDERTAKINGS: [&str; 5] = ["operation", "project", "programme", "program", "campaign"];

/// Class nouns that name no one thing ("animals", "weapons", "equipment"): they are read
/// as mentions (so "70 animals, including a lion" is counted and its list found), but
/// never become entities that facts point to, since one such node would join unrelated
/// facts (the annotation guideline, section 3).
pub const CLASS_NOUNS: [&str; 3] = ["animal", "weapon", "equipment"];

/// Every lexicon, parsed.
#[derive(Debug, Default)]
pub struct Lexicons {
    pub countries: Vec<Country>,
    pub country_forms: Phrases<(usize, CountryForm)>,
    /// Aliases written in capitals (DPRK, UK) only match when the text has capitals.
    pub acronyms: WordSet,
    pub animals: Vec<String>,
    pub animal_forms: Phrases<NounForm>,
    pub things: Vec<String>,
    pub thing_forms: Phrases<NounForm>,
    pub groups: Vec<String>,
    /// Per group: whether a country adjective makes it a member of the country.
    pub group_members: Vec<bool>,
    /// Per group entry: people held by another side ("prisoner", "hostage"), whom a
    /// release sets free and an exchange swaps.
    pub group_held: Vec<bool>,
    pub group_forms: Phrases<NounForm>,
    pub institutions: Vec<String>,
    pub institution_forms: Phrases<NounForm>,
    pub titles: Vec<Title>,
    pub title_forms: Phrases<usize>,
    /// Each modifier of `title_modifiers.txt` → (title → the title they make): "senior",
    /// "keeper" → "senior keeper", for a modifier with field words between ("Senior
    /// Giraffe Keeper").
    pub title_modifiers: HashMap<String, HashMap<usize, usize>>,
    pub places: WordSet,
    /// The United States' executive departments by portfolio ("defence" → "United
    /// States Department of Defense"), from `departments.txt`.
    pub us_departments: std::collections::HashMap<String, String>,
    /// US states by their name and by the abbreviations datelines use, lowercase with
    /// the periods dropped ("fla", "nh", "new hampshire") → the state's name.
    pub us_states: std::collections::HashMap<String, String>,
    /// The abbreviations of US states written with a period, as written without it
    /// ("Md", "Calif", "N.H") → the state's name: "Bethesda, Md." names Maryland.
    pub state_abbreviations: std::collections::HashMap<String, String>,
    /// The states' two-letter postal codes, as written ("IL") → the state's name: a
    /// dateline's "Oak Brook, IL" names Illinois (never "in" or "or" in lower case).
    pub state_codes: std::collections::HashMap<String, String>,
    pub agreements: Phrases<()>,
    pub verbs: WordMap<String, Vec<Family>>,
    pub negations: WordSet,
    pub hypotheticals: WordSet,
    pub function_words: WordSet,
    /// Every word a noun, title, group or agreement phrase starts with: a lowercase
    /// token not in it starts no mention.
    pub starters: WordSet,
    pub abbreviations: WordSet,
    /// International organisations no cue word types ("NATO", "African Union"), by
    /// their lowercase names.
    pub organisations: WordSet,
}

/// The words a state's formal name opens with before its "of": "the Republic of",
/// "the Kingdom of", "the Sultanate of".
pub const STATE_HEADS: [&str; 6] = [
    "republic",
    "kingdom",
    "state",
    "commonwealth",
    "principality",
    "sultanate",
];

/// The words that may stand before a [`STATE_HEADS`] word in a formal name: "the
/// Socialist Republic of", "the People's Democratic Republic of".
pub const STATE_MODIFIERS: [&str; 9] = [
    "federal",
    "democratic",
    "people's",
    "socialist",
    "islamic",
    "arab",
    "united",
    "federation",
    "grand",
];

/// What a name is as a country word: a country's name or standard alias, its adjective,
/// its capital; `None` for anything else.
pub fn country_form(name: &str) -> Option<CountryForm> {
    lexicons()
        .country_forms
        .get(&lexicon_key(name))
        .map(|&(_, form)| form)
}

/// The lexicons, parsed on first use.
pub fn lexicons() -> &'static Lexicons {
    static LEX: OnceLock<Lexicons> = OnceLock::new();
    LEX.get_or_init(Lexicons::load)
}

/// The data lines of a lexicon file: comments and blank lines dropped, fields split on
/// `|` and trimmed.
fn records(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split('|').map(str::trim).collect())
}

/// The values of a `,`-separated field.
fn values<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field
        .copied()
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The plurals of an agreement noun: its head word's ("five accords", "two treaties",
/// "three memoranda of understanding" and "memorandums of understanding").
fn agreement_plurals(phrase: &str) -> Vec<String> {
    let (head, rest) = match phrase.split_once(" of ") {
        Some((head, rest)) => (head, format!(" of {rest}")),
        None => (phrase, String::new()),
    };
    let mut heads = vec![match head.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{head}s"),
    }];
    if let Some(stem) = head.strip_suffix("dum") {
        heads.push(format!("{stem}da"));
    }
    heads.into_iter().map(|h| format!("{h}{rest}")).collect()
}

/// The regular plural of an English noun phrase (its last word).
pub fn regular_plural(singular: &str) -> String {
    let b = singular.as_bytes();
    if singular.ends_with('s')
        || singular.ends_with('x')
        || singular.ends_with('z')
        || singular.ends_with("ch")
        || singular.ends_with("sh")
    {
        format!("{singular}es")
    } else if singular.ends_with('y')
        && b.len() >= 2
        && !matches!(b[b.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u')
    {
        format!("{}ies", &singular[..singular.len() - 1])
    } else {
        format!("{singular}s")
    }
}

/// What a noun file's third column holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ThirdColumn {
    /// Other words for the same noun ("tigress" for a tiger): more forms.
    OtherWords,
    /// Something else (groups.txt's member flag): never a form.
    NotForms,
}

/// Parses a `singular | plural` noun file into its entries and a form table.
fn nouns(text: &str, third: ThirdColumn) -> (Vec<String>, Phrases<NounForm>) {
    let mut entries = Vec::new();
    let mut forms = Phrases::default();
    for r in records(text) {
        let singular = lexicon_key(r[0]);
        let written = r[0].to_lowercase();
        let plural = r
            .get(1)
            .filter(|p| !p.is_empty())
            .map(|p| lexicon_key(p))
            .unwrap_or_else(|| regular_plural(&singular));
        let entry = entries.len();
        // Other words for the same noun ("tigress" for a tiger), each with its regular
        // plural.
        let others = values(r.get(2).filter(|_| third == ThirdColumn::OtherWords)).map(|o| {
            let o = lexicon_key(o);
            let p = regular_plural(&o);
            (o, p)
        });
        for (singular, plural) in std::iter::once((singular, plural)).chain(others) {
            forms.insert(
                &singular,
                NounForm {
                    entry,
                    plural: false,
                },
            );
            if plural != singular {
                forms.insert(
                    &plural,
                    NounForm {
                        entry,
                        plural: true,
                    },
                );
            }
        }
        entries.push(written);
    }
    (entries, forms)
}

fn word_set(text: &str) -> WordSet {
    records(text).map(|r| r[0].to_string()).collect()
}

fn role_link(s: Option<&&str>) -> RoleLink {
    match s.copied().unwrap_or_default() {
        "leads" => RoleLink::Leads,
        "member" => RoleLink::Member,
        _ => RoleLink::Nothing,
    }
}

impl Lexicons {
    fn load() -> Lexicons {
        let mut lex = Lexicons::default();
        // The plurals of demonyms in "-an" and "-i" ("Americans", "Pakistanis"), added
        // once every country's own forms are in: a plural that is some country's name
        // ("Philippines") stays that name.
        let mut plurals: Vec<(String, usize)> = Vec::new();
        for r in records(include_str!("lexicon/countries.txt")) {
            let idx = lex.countries.len();
            let name = r[0].to_string();
            let mut add = |form: &str, kind| {
                if form.len() > 1 && form.chars().all(|c| c.is_uppercase() || c == '.') {
                    lex.acronyms.insert(lexicon_key(form));
                }
                lex.country_forms.insert(form, (idx, kind));
            };
            add(&name, CountryForm::Name);
            for a in values(r.get(3)) {
                add(a, CountryForm::Name);
            }
            let demonyms: Vec<String> = values(r.get(1)).map(String::from).collect();
            for d in &demonyms {
                add(d, CountryForm::Demonym);
            }
            let capitals: Vec<String> = values(r.get(2)).map(String::from).collect();
            for c in &capitals {
                add(c, CountryForm::Capital);
            }
            plurals.extend(demonyms.iter().map(|d| (format!("{d}s"), idx)));
            lex.countries.push(Country {
                name,
                demonyms,
                capitals,
            });
        }
        for (plural, c) in plurals {
            let taken = lex.country_forms.get(&lexicon_key(&plural)).is_some();
            if (plural.ends_with("ans") || plural.ends_with("is")) && !taken {
                lex.country_forms.insert(&plural, (c, CountryForm::People));
            }
        }
        (lex.animals, lex.animal_forms) =
            nouns(include_str!("lexicon/animals.txt"), ThirdColumn::OtherWords);
        (lex.things, lex.thing_forms) =
            nouns(include_str!("lexicon/things.txt"), ThirdColumn::NotForms);
        (lex.groups, lex.group_forms) =
            nouns(include_str!("lexicon/groups.txt"), ThirdColumn::NotForms);
        // The flags of each group entry, read in one pass.
        (lex.group_members, lex.group_held) = records(include_str!("lexicon/groups.txt"))
            .map(|r| {
                (
                    r.get(2).is_none_or(|f| *f != "no"),
                    r.get(3) == Some(&"held"),
                )
            })
            .unzip();
        (lex.institutions, lex.institution_forms) = nouns(
            include_str!("lexicon/institutions.txt"),
            ThirdColumn::NotForms,
        );
        let mut listed: Vec<&str> = Vec::new();
        for r in records(include_str!("lexicon/titles.txt")) {
            lex.title_forms.insert(r[0], lex.titles.len());
            listed.push(r[0]);
            lex.titles.push(Title {
                name: r[0].to_string(),
                with_country: role_link(r.get(1)),
                with_of: role_link(r.get(2)),
                institution: r.get(3).filter(|s| !s.is_empty()).map(|s| s.to_string()),
                base: lex.titles.len(),
            });
        }
        // "Assistant Director", "Acting President": a modifier and any title; a title
        // listed whole keeps its own line.
        for r in records(include_str!("lexicon/title_modifiers.txt")) {
            let subordinate = r.get(1) == Some(&"member");
            let lower = |link: RoleLink| match link {
                RoleLink::Leads if subordinate => RoleLink::Member,
                other => other,
            };
            let mut made = HashMap::new();
            for (idx, title) in listed.iter().enumerate() {
                let key = format!("{} {title}", r[0]);
                if let Some(&own) = lex.title_forms.get(&key) {
                    made.insert(idx, own);
                    continue;
                }
                if title.starts_with(r[0]) {
                    continue;
                }
                let t = &lex.titles[idx];
                let title = Title {
                    name: key.clone(),
                    with_country: lower(t.with_country),
                    with_of: lower(t.with_of),
                    institution: t.institution.clone(),
                    base: idx,
                };
                made.insert(idx, lex.titles.len());
                lex.title_forms.insert(&key, lex.titles.len());
                lex.titles.push(title);
            }
            lex.title_modifiers.insert(r[0].to_string(), made);
        }
        lex.places = word_set(include_str!("lexicon/places.txt"));
        for r in records(include_str!("lexicon/departments.txt")) {
            for portfolio in values(r.get(1)) {
                lex.us_departments
                    .insert(portfolio.to_string(), r[0].to_string());
            }
        }
        for r in records(include_str!("lexicon/us_states.txt")) {
            lex.us_states.insert(state_key(r[0]), r[0].to_string());
            for a in values(r.get(1)) {
                lex.us_states.insert(state_key(a), r[0].to_string());
                if let Some(written) = a.strip_suffix('.') {
                    lex.state_abbreviations
                        .insert(written.to_string(), r[0].to_string());
                }
            }
            for code in values(r.get(2)) {
                lex.state_codes.insert(code.to_string(), r[0].to_string());
            }
        }
        for r in records(include_str!("lexicon/agreements.txt")) {
            lex.agreements.insert(r[0], ());
            for plural in agreement_plurals(r[0]) {
                lex.agreements.insert(&plural, ());
            }
        }
        for r in records(include_str!("lexicon/verbs.txt")) {
            let Some(family) = Family::parse(r[0]) else {
                continue;
            };
            for w in values(r.get(1)) {
                let fams = lex.verbs.entry(lexicon_key(w)).or_default();
                if !fams.contains(&family) {
                    fams.push(family);
                }
            }
        }
        for r in records(include_str!("lexicon/modality.txt")) {
            let set = match r[0] {
                "negation" => &mut lex.negations,
                "hypothetical" => &mut lex.hypotheticals,
                _ => continue,
            };
            set.extend(values(r.get(1)).map(lexicon_key));
        }
        lex.function_words = word_set(include_str!("lexicon/function_words.txt"));
        lex.abbreviations = word_set(include_str!("lexicon/abbreviations.txt"));
        lex.organisations = records(include_str!("lexicon/organisations.txt"))
            .map(|r| r[0].to_lowercase())
            .collect();
        let starters: Vec<String> = lex
            .animal_forms
            .first_words()
            .chain(lex.thing_forms.first_words())
            .chain(lex.title_forms.first_words())
            .chain(lex.group_forms.first_words())
            .chain(lex.agreements.first_words())
            .chain(lex.institution_forms.first_words())
            .cloned()
            .collect();
        lex.starters.extend(starters);
        // "the park": a place word may refer back to an institution named with it.
        let places: Vec<String> = lex.places.iter().cloned().collect();
        lex.starters.extend(places);
        lex.starters.extend(
            [
                "they", "he", "she", "it", "him", "her", "two", "both", "country",
            ]
            .map(String::from),
        );
        lex
    }

    /// The families a word (lowercase) triggers.
    pub fn families(&self, word: &str) -> &[Family] {
        self.verbs.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// True when the lowercase words name people held by another side: a group noun
    /// marked `held` ("prisoners", "two Azerbaijani captives" ends on one) or a
    /// country's people ("Americans").
    pub fn held_people(&self, words: &[&str]) -> bool {
        let Some(last) = words.last() else {
            return false;
        };
        let held = self
            .group_forms
            .longest(&[last])
            .is_some_and(|(_, f)| self.group_held[f.entry]);
        let people = self
            .country_forms
            .longest(words)
            .is_some_and(|(n, &(_, form))| n == words.len() && form == CountryForm::People);
        held || people
    }

    /// The US state a name or dateline abbreviation stands for, in any case and with or
    /// without its periods ("Fla.", "new hampshire", "N.H.").
    pub fn us_state(&self, written: &str) -> Option<&str> {
        self.us_states.get(&state_key(written)).map(String::as_str)
    }

    /// True when the word (lowercase) is a trigger verb (not only a trigger noun such as
    /// "partnership" or "war").
    pub fn is_verb(&self, word: &str) -> bool {
        self.families(word).iter().any(|f| {
            !matches!(
                f,
                Family::GiveNoun | Family::DeployNoun | Family::FightNoun | Family::Cooperate
            )
        })
    }

    /// True when the word (lowercase) triggers this family.
    pub fn is(&self, word: &str, family: Family) -> bool {
        self.families(word).contains(&family)
    }
}

/// One region of `regions.tsv`: a first-level administrative division (a state,
/// province, region, oblast...) of a country of `countries.txt`, from GeoNames.
#[derive(Debug, Clone)]
pub struct Region {
    pub name: String,
    /// Its country, an index into [`Lexicons::countries`].
    pub country: usize,
    /// The kind word its name ends with ("oblast" for "Kursk Oblast"), if any.
    pub kind: Option<String>,
}

/// The gazetteer of regions (`regions.tsv`): every form of a region's name, lowercase
/// (as [`lexicon_key`] writes it), → the regions that go by it (Punjab is one of India
/// and one of Pakistan).
#[derive(Debug, Default)]
pub struct Regions {
    pub regions: Vec<Region>,
    forms: WordMap<String, Vec<usize>>,
}

impl Regions {
    fn parse(text: &str, countries: &[Country]) -> Regions {
        let index: HashMap<&str, usize> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.as_str(), i))
            .collect();
        let mut out = Regions::default();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let country = fields
                .get(1)
                .and_then(|c| index.get(c))
                .copied()
                .unwrap_or_else(|| panic!("regions.tsv: no country of countries.txt: {line:?}"));
            let r = out.regions.len();
            let forms = std::iter::once(fields[0]).chain(values(fields.get(3)));
            for form in forms {
                let ids = out.forms.entry(lexicon_key(form)).or_default();
                if !ids.contains(&r) {
                    ids.push(r);
                }
            }
            out.regions.push(Region {
                name: fields[0].to_string(),
                country,
                kind: fields
                    .get(2)
                    .filter(|k| !k.is_empty())
                    .map(|k| k.to_string()),
            });
        }
        out
    }

    /// The regions a name (any case) is a form of.
    pub fn named(&self, name: &str) -> &[usize] {
        self.forms
            .get(&lexicon_key(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// The gazetteer of regions, parsed on first use.
pub fn regions() -> &'static Regions {
    static REGIONS: OnceLock<Regions> = OnceLock::new();
    REGIONS
        .get_or_init(|| Regions::parse(include_str!("lexicon/regions.tsv"), &lexicons().countries))
}

/// The key of `Lexicons::us_states`: lowercase, periods dropped.
fn state_key(written: &str) -> String {
    written.to_lowercase().replace('.', "")
}

/// True when a name, written whole, is a region of the gazetteer ("Karnataka", "Kursk
/// Oblast", "Henan").
pub fn is_region(name: &str) -> bool {
    !regions().named(name).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_have_forms() {
        let lex = lexicons();
        let (i, form) = *lex.country_forms.get("north korean").unwrap();
        assert_eq!(lex.countries[i].name, "North Korea");
        assert_eq!(form, CountryForm::Demonym);
        let (j, form) = *lex.country_forms.get("dprk").unwrap();
        assert_eq!((j, form), (i, CountryForm::Name));
        assert!(lex.acronyms.contains("dprk"));
        assert!(lex.countries.len() > 100);
    }

    #[test]
    fn an_agreement_nouns_plural_is_its_head_words() {
        assert_eq!(agreement_plurals("treaty"), ["treaties"]);
        assert_eq!(agreement_plurals("accord"), ["accords"]);
        assert_eq!(
            agreement_plurals("memorandum of understanding"),
            ["memorandums of understanding", "memoranda of understanding"]
        );
        let lex = lexicons();
        let words = ["memoranda", "of", "understanding", "with"];
        assert_eq!(lex.agreements.longest(&words).map(|(n, _)| n), Some(3));
    }

    #[test]
    fn nouns_have_plurals() {
        let lex = lexicons();
        let (n, f) = lex
            .animal_forms
            .longest(&["brown", "bears", "and"])
            .unwrap();
        assert_eq!(
            (n, lex.animals[f.entry].as_str(), f.plural),
            (2, "brown bear", true)
        );
        let (_, f) = lex.animal_forms.longest(&["geese"]).unwrap();
        assert_eq!(lex.animals[f.entry], "goose");
        assert!(lex.animals.len() > 250);
    }

    #[test]
    fn other_words_for_a_noun_are_its_forms() {
        let (entries, forms) = nouns(
            "tiger | | tigress, she-tiger\nox | oxen\n",
            ThirdColumn::OtherWords,
        );
        assert_eq!(entries, ["tiger", "ox"]);
        for (word, plural) in [
            ("tiger", false),
            ("tigers", true),
            ("tigress", false),
            ("tigresses", true),
            ("she-tigers", true),
        ] {
            let (_, f) = forms.longest(&[word]).unwrap();
            assert_eq!((f.entry, f.plural), (0, plural), "{word}");
        }
        let (_, f) = forms.longest(&["oxen"]).unwrap();
        assert_eq!((f.entry, f.plural), (1, true));
        // The shipped lexicon: a lioness is a lion.
        let lex = lexicons();
        let (_, f) = lex.animal_forms.longest(&["lionesses"]).unwrap();
        assert_eq!((lex.animals[f.entry].as_str(), f.plural), ("lion", true));
    }

    #[test]
    fn a_flag_column_holds_no_forms() {
        // groups.txt's third column says "no" (the country adjective is too weak):
        // "no" is not a group noun ("Smith has no plans, a spokesman said").
        let (entries, forms) = nouns("army | armies | no\n", ThirdColumn::NotForms);
        assert_eq!(entries, ["army"]);
        assert!(forms.longest(&["armies"]).is_some());
        for word in ["no", "nos"] {
            assert!(forms.longest(&[word]).is_none(), "{word}");
        }
        let lex = lexicons();
        let army = lex
            .group_forms
            .longest(&["army"])
            .expect("army is a group")
            .1;
        assert!(!lex.group_members[army.entry]);
        for word in ["no", "nos"] {
            assert!(lex.group_forms.longest(&[word]).is_none(), "{word}");
        }
    }

    #[test]
    fn regular_plurals() {
        assert_eq!(regular_plural("fox"), "foxes");
        assert_eq!(regular_plural("pony"), "ponies");
        assert_eq!(regular_plural("monkey"), "monkeys");
        assert_eq!(regular_plural("yak"), "yaks");
    }

    #[test]
    fn verbs_and_titles() {
        let lex = lexicons();
        assert!(lex.is("gifted", Family::Send));
        assert!(lex.is("emphasised", Family::Speech));
        let (n, &t) = lex
            .title_forms
            .longest(&["general", "director", "of"])
            .unwrap();
        assert_eq!(n, 2);
        assert_eq!(lex.titles[t].with_of, RoleLink::Leads);
        assert!(lex.hypotheticals.contains("could"));
    }

    #[test]
    fn a_modifier_makes_a_title_of_any_title() {
        let lex = lexicons();
        let title = |words: &[&str]| {
            let (n, &t) = lex.title_forms.longest(words).unwrap();
            assert_eq!(n, words.len(), "{words:?}");
            &lex.titles[t]
        };
        // "Acting" keeps what the title gives; "Assistant" makes a member of a leader.
        assert_eq!(title(&["acting", "director"]).with_of, RoleLink::Leads);
        assert_eq!(title(&["assistant", "director"]).with_of, RoleLink::Member);
        assert_eq!(
            title(&["additional", "secretary"]).with_of,
            RoleLink::Member
        );
        assert_eq!(
            title(&["interim", "president"]).with_country,
            RoleLink::Leads
        );
        // A modified title has the title it was made of as its base; a listed title
        // keeps its own line and is its own base.
        let official = lex.title_forms.get("official").copied().unwrap();
        assert_eq!(title(&["senior", "official"]).base, official);
        let deputy_minister = lex.title_forms.get("deputy minister").copied().unwrap();
        assert_eq!(title(&["deputy", "minister"]).base, deputy_minister);
        assert_eq!(
            title(&["deputy", "minister"]).institution.as_deref(),
            Some("ministry")
        );
    }

    #[test]
    fn regions_have_their_country_and_short_forms() {
        let lex = lexicons();
        let country = |name: &str| {
            regions()
                .named(name)
                .iter()
                .map(|&r| lex.countries[regions().regions[r].country].name.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(country("Karnataka"), ["India"]);
        assert_eq!(country("kursk oblast"), ["Russia"]);
        assert_eq!(country("Kursk"), ["Russia"]);
        assert!(country("Punjab").contains(&"Pakistan"));
        assert!(regions().regions.len() > 2000);
        let parsed = Regions::parse(
            "# a comment\nKursk Oblast\tRussia\toblast\tKursk\nHenan\tChina\t\t\n",
            &lex.countries,
        );
        assert_eq!(parsed.regions.len(), 2);
        assert_eq!(parsed.regions[0].kind.as_deref(), Some("oblast"));
        assert_eq!(parsed.named("KURSK"), [0]);
        assert_eq!(parsed.named("Henan"), [1]);
        assert!(parsed.named("Kiev").is_empty());
    }

    #[test]
    fn no_region_is_named_as_a_country_or_another_lexicons_word() {
        let lex = lexicons();
        for (form, _) in regions().forms.iter() {
            assert!(lex.country_forms.get(form).is_none(), "{form}");
            assert!(lex.title_forms.get(form).is_none(), "{form}");
            assert!(lex.animal_forms.get(form).is_none(), "{form}");
            assert!(!lex.function_words.contains(form), "{form}");
            assert!(!lex.places.contains(form), "{form}");
            assert!(!lex.us_states.contains_key(form), "{form}");
        }
        // A compass word, a common word and a given name are no region.
        for word in ["Central", "North-East", "Plateau", "Victoria", "Georgia"] {
            assert!(!is_region(word), "{word}");
        }
    }
}
