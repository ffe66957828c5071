//! [`duplicates`]: pairs of entities that are likely one, for review with `kg merge`.
//!
//! Two entities are proposed only when they are of the same kind and their names say so,
//! each for one reason (the strongest that holds, best first):
//!
//! | score | reason | example |
//! |---|---|---|
//! | 4 | both go by 'X' (a shared name or alias) | "DPRK" (alias "North Korea") / "North Korea" |
//! | 4 | same name without accents | "Ukhnaa Khürelsükh" / "Ukhnaa Khurelsukh" |
//! | 4 | same name but for hyphens or spaces | "Kim Jong-un" / "Kim Jong Un" |
//! | 3 | one name's words are a transliteration variant of the other's | "Ukhnaagiin Khurelsukh" / "Ukhnaa Khürelsükh", "Tchaikovsky" / "Chaikovsky" |
//! | 3 | 'P' is part of 'W' | "Putin" / "Vladimir Putin" |
//! | 2 | names differ by a letter in one word (two in a word of ten letters or more), spelled as [`spelling`] spells them | "Aleksandr" / "Alexander", "Tokayev" / "Tokaev" |
//!
//! Names are compared [spelling-keyed](spelling_key) (accents off, punctuation a word break), word by word
//! under [`same_word`]: common transliteration variants (`tch`/`ch`, `kh`/`h`, `ks`/`x`,
//! `w`/`v`, `ou`/`u`, `y`/`i`, doubled letters) and a Mongolian patronymic's genitive
//! ending ("Ukhnaagiin" is "Ukhnaa's": `-giin`, `-iin`, `-yn`, `-ain`) count as one word.
//!
//! What is never proposed: entities of different kinds (the city of Pyongyang and its
//! zoo); a part of a place's or a country's name ("Korea" / "North Korea", "Kursk" /
//! "Kursk region"), of a group's, an animal's or a thing's; an institution whose extra
//! words name a different body ("Moscow Zoo" / "Moscow Zoo Foundation"); a part found in
//! more than one whole ("Kim" in "Kim Jong Un" and "Kim Yo Jong"); two people with
//! different full names for a shared word or one-word alias; near spellings of countries
//! ("Gambia" / "Zambia"); statements but for a shared claim. Pairs a split decision keeps
//! apart are left out.
//!
//! The main name, the first of a pair (the one `kg merge A B` keeps), is the more frequent
//! form: the entity named in more articles, then in more facts, then the fuller name.

use super::Decisions;
use crate::model::Kind;
use crate::model::name::{has_accents, lookup_key, spelling_key};
use crate::query::Read;
use crate::query::names::levenshtein;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeSet, HashMap, HashSet};

/// A proposed pair, the main name (the more frequent form) first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair<N = NodeIndex> {
    /// The entity whose name the merge keeps.
    pub a: N,
    pub b: N,
    /// How strong the reason is (4 a shared or folded name, 3 a transliteration variant or
    /// a part, 2 a near spelling).
    pub score: u8,
    /// Why the names are one (the first), then why `a` is the main name when the counts
    /// say so ([`Reason::MoreOften`]).
    pub reasons: Vec<Reason>,
}

/// Why two entities are proposed as one, or why the first is the main name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Both go by this name.
    Shared(String),
    /// The names are one without accents.
    Accents,
    /// The names are one but for hyphens or spaces.
    Spacing,
    /// One name's words are a transliteration variant of the other's.
    Transliteration,
    /// The name `part` is part of the name `whole`.
    Part { part: String, whole: String },
    /// The names differ by this many letters.
    Letters(usize),
    /// The main name `main` is in `count` articles (or facts), `other` in `other_count`.
    MoreOften {
        main: String,
        other: String,
        of: Counted,
        count: usize,
        other_count: usize,
    },
}

/// What [`Reason::MoreOften`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    Articles,
    Facts,
}

/// Words too common to make two names candidates.
const COMMON: [&str; 8] = ["of", "the", "and", "for", "de", "in", "on", "at"];

/// A bucket of more entities than this sharing one word is not searched (it is a common
/// word, not a name).
const BUCKET: usize = 64;

/// Words that name a kind of body: an institution whose name adds one of them to another
/// institution's name is a different body ("Moscow Zoo Foundation" is not "Moscow Zoo").
const BODIES: [&str; 40] = [
    "academy",
    "agency",
    "airport",
    "army",
    "assembly",
    "association",
    "bank",
    "branch",
    "bureau",
    "centre",
    "center",
    "college",
    "command",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "department",
    "embassy",
    "federation",
    "foundation",
    "fund",
    "garden",
    "government",
    "hospital",
    "institute",
    "league",
    "library",
    "ministry",
    "museum",
    "office",
    "park",
    "party",
    "school",
    "service",
    "station",
    "theatre",
    "university",
    "zoo",
];

/// One entity's names, as compared.
struct Named<N> {
    node: N,
    /// Its position among the named entities.
    index: usize,
    kind: Kind,
    /// Its names as written, the canonical first.
    names: Vec<String>,
    /// [lookup-keyed](lookup_key) names, the canonical first.
    norms: Vec<String>,
    /// [spelling-keyed](spelling_key) names, the canonical first.
    folds: Vec<String>,
    /// Articles and facts that name it.
    articles: usize,
    facts: usize,
}

/// The likely duplicates, best first.
///
/// # Complexity
/// O(V · w · B) name comparisons for V entities with w words each and buckets of at most
/// B entities, plus O(F) to count the facts and articles of each entity.
pub fn duplicates<G: Read>(graph: &G, decisions: &Decisions) -> Vec<Pair<G::Node>> {
    let named: Vec<Named<G::Node>> = graph
        .all_nodes()
        .into_iter()
        .enumerate()
        .map(|(i, n)| named(graph, n, i))
        .collect();
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in named.iter().enumerate() {
        let mut keys: BTreeSet<String> = BTreeSet::new();
        for f in &e.folds {
            keys.insert(format!("#{}", f.replace(' ', "")));
            for w in f.split(' ') {
                if w.chars().count() > 1 && !COMMON.contains(&w) {
                    keys.insert(bucket_key(w));
                }
            }
        }
        for k in keys {
            buckets.entry(k).or_default().push(i);
        }
    }
    let splits: Vec<(String, String)> = decisions.splits().collect();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut found: Vec<(usize, usize, Match)> = Vec::new();
    for list in buckets.values().filter(|l| l.len() <= BUCKET) {
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                let key = (i.min(j), i.max(j));
                if !seen.insert(key) {
                    continue;
                }
                let (x, y) = (&named[key.0], &named[key.1]);
                let apart = splits.iter().any(|(p, q)| {
                    (x.norms.contains(p) && y.norms.contains(q))
                        || (x.norms.contains(q) && y.norms.contains(p))
                });
                if apart {
                    continue;
                }
                if let Some(m) = judge(x, y) {
                    found.push((key.0, key.1, m));
                }
            }
        }
    }
    // A part of more than one whole of its kind could be either: it is not proposed.
    let mut wholes: HashMap<usize, usize> = HashMap::new();
    for (_, _, m) in &found {
        if let Match::Part { part, .. } = m {
            *wholes.entry(*part).or_default() += 1;
        }
    }
    let mut out: Vec<(Pair<G::Node>, &str, &str)> = found
        .into_iter()
        .filter(|(_, _, m)| match m {
            Match::Part { part, .. } => wholes[part] == 1,
            _ => true,
        })
        .map(|(i, j, m)| pair(&named, i, j, m))
        .collect();
    out.sort_by(|(p, pa, pb), (q, qa, qb)| {
        q.score
            .cmp(&p.score)
            .then_with(|| pa.cmp(qa))
            .then_with(|| pb.cmp(qb))
    });
    out.into_iter().map(|(p, _, _)| p).collect()
}

fn named<G: Read>(graph: &G, n: G::Node, index: usize) -> Named<G::Node> {
    let e = graph.entity(n);
    let mut articles: HashSet<String> = HashSet::new();
    let mut facts = 0;
    for forward in [true, false] {
        for edge in graph.facts_of(n, forward) {
            facts += 1;
            articles.extend(graph.sources_of(edge));
        }
    }
    Named {
        node: n,
        index,
        kind: e.kind,
        names: e.names().map(String::from).collect(),
        norms: e.names().map(lookup_key).collect(),
        folds: e.names().map(spelling_key).collect(),
        articles: articles.len(),
        facts,
    }
}

/// Why two entities' names are one (indices into the named entities for a part).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Match {
    /// Both go by this name (displayed as the first entity writes it).
    Shared(String),
    Accents,
    Spacing,
    Transliteration,
    Part {
        part: usize,
        whole: usize,
    },
    Letters(usize),
}

/// The reason two entities of the same kind are likely one, if their names give one.
fn judge<N>(x: &Named<N>, y: &Named<N>) -> Option<Match> {
    if x.kind != y.kind {
        return None;
    }
    if super::qualify::different_bodies(x.kind, &x.names[0], &y.names[0]) {
        // Two countries' "Ministry of Foreign Affairs", whatever names they share.
        return None;
    }
    // "Amur tiger" and "tiger", "Leopard 2 tank" and "tank": a breed or model and its
    // species or class are two things, whatever plural an article used for both.
    if matches!(x.kind, Kind::Animal | Kind::Thing) {
        let (a, b) = (&x.folds[0], &y.folds[0]);
        if a != b && (a.ends_with(&format!(" {b}")) || b.ends_with(&format!(" {a}"))) {
            return None;
        }
    }
    let (wx, wy) = (words(&x.folds[0]), words(&y.folds[0]));
    let people = x.kind == Kind::Person;
    let different_people = people && wx.len() > 1 && wy.len() > 1 && !same_words(&wx, &wy);
    let shared = x
        .norms
        .iter()
        .enumerate()
        .find(|(_, n)| y.norms.contains(n) && (!different_people || n.contains(' ')));
    if let Some((i, _)) = shared {
        let display = x.names.get(i).unwrap_or(&x.names[0]);
        return Some(Match::Shared(display.to_string()));
    }
    if x.kind == Kind::Statement {
        return None;
    }
    // Every name against every name, but a one-word name of one of two people whose full
    // names differ ("Kim") says nothing.
    let mut names = Vec::new();
    for (nx, fx) in x.names.iter().zip(&x.folds) {
        for (ny, fy) in y.names.iter().zip(&y.folds) {
            let one_word = !fx.contains(' ') || !fy.contains(' ');
            let says_nothing = different_people && one_word;
            if !fx.is_empty() && !fy.is_empty() && !says_nothing {
                names.push((nx, fx, ny, fy));
            }
        }
    }
    for &(nx, fx, ny, fy) in &names {
        if fx == fy && (has_accents(nx) || has_accents(ny)) {
            return Some(Match::Accents);
        }
        if fx.replace(' ', "") == fy.replace(' ', "") {
            return Some(Match::Spacing);
        }
    }
    for &(_, fx, _, fy) in &names {
        if same_words(&words(fx), &words(fy)) {
            return Some(Match::Transliteration);
        }
    }
    let parts = matches!(x.kind, Kind::Person | Kind::Institution | Kind::Agreement);
    if parts && !different_people {
        let (part, whole, pw, ww) = if wx.len() < wy.len() {
            (x, y, &wx, &wy)
        } else {
            (y, x, &wy, &wx)
        };
        if pw.len() < ww.len() && contains_words(ww, pw) {
            let extra_body = x.kind == Kind::Institution
                && ww
                    .iter()
                    .any(|w| BODIES.contains(w) && !pw.iter().any(|p| p == w));
            if !extra_body {
                return Some(Match::Part {
                    part: index_of(part),
                    whole: index_of(whole),
                });
            }
        }
    }
    if x.kind != Kind::Country && wx.len() == wy.len() {
        let differing: Vec<(&&str, &&str)> = wx
            .iter()
            .zip(&wy)
            .filter(|(a, b)| !same_word(a, b))
            .collect();
        if let [(a, b)] = differing.as_slice() {
            let (a, b) = (spelling(a), spelling(b));
            let d = levenshtein(&a, &b);
            let shorter = a.chars().count().min(b.chars().count());
            if (d == 1 && shorter >= 6) || (d == 2 && shorter >= 10) {
                return Some(Match::Letters(d));
            }
        }
    }
    None
}

/// The position of an entity among the named entities.
fn index_of<N>(e: &Named<N>) -> usize {
    e.index
}

/// The pair for a match: the main name first, with its reasons.
/// The pair for a match, with the two canonical names (main first) it is sorted by.
fn pair<N: Copy>(named: &[Named<N>], i: usize, j: usize, m: Match) -> (Pair<N>, &str, &str) {
    let (x, y) = (&named[i], &named[j]);
    fn name<N>(e: &Named<N>) -> &str {
        &e.names[0]
    }
    let (score, why) = match &m {
        Match::Shared(n) => (4, Reason::Shared(n.clone())),
        Match::Accents => (4, Reason::Accents),
        Match::Spacing => (4, Reason::Spacing),
        Match::Transliteration => (3, Reason::Transliteration),
        Match::Part { part, whole } => (
            3,
            Reason::Part {
                part: name(&named[*part]).to_string(),
                whole: name(&named[*whole]).to_string(),
            },
        ),
        Match::Letters(d) => (2, Reason::Letters(*d)),
    };
    let rank = |e: &Named<N>| {
        let n = name(e);
        (
            e.articles,
            e.facts,
            n.split_whitespace().count(),
            n.chars().count(),
        )
    };
    let (main, other) = match rank(x).cmp(&rank(y)) {
        std::cmp::Ordering::Less => (y, x),
        std::cmp::Ordering::Greater => (x, y),
        std::cmp::Ordering::Equal if name(y) < name(x) => (y, x),
        std::cmp::Ordering::Equal => (x, y),
    };
    let mut reasons = vec![why];
    if (main.articles, main.facts) != (other.articles, other.facts) {
        let (of, count, other_count) = if main.articles != other.articles {
            (Counted::Articles, main.articles, other.articles)
        } else {
            (Counted::Facts, main.facts, other.facts)
        };
        reasons.push(Reason::MoreOften {
            main: name(main).to_string(),
            other: name(other).to_string(),
            of,
            count,
            other_count,
        });
    }
    let pair = Pair {
        a: main.node,
        b: other.node,
        score,
        reasons,
    };
    (pair, name(main), name(other))
}

fn words(folded: &str) -> Vec<&str> {
    folded
        .split(' ')
        .filter(|w| !w.is_empty() && !COMMON.contains(w))
        .collect()
}

/// True when the two lists of words match one to one under [`same_word`], in any order.
fn same_words(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && contains_words(a, b)
}

/// True when every word of `part` matches a different word of `whole` under
/// [`same_word`].
fn contains_words(whole: &[&str], part: &[&str]) -> bool {
    let mut used = vec![false; whole.len()];
    part.iter().all(|p| {
        let at = (0..whole.len()).find(|&k| !used[k] && same_word(whole[k], p));
        at.map(|k| used[k] = true).is_some()
    })
}

/// True when two [spelling-keyed](spelling_key) words are one word in two transliterations: equal under
/// [`spelling`], or one is the other's Mongolian patronymic (genitive) form
/// ("ukhnaagiin" / "ukhnaa", "jambyn" / "jamba").
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b || spelling(a) == spelling(b) {
        return true;
    }
    let genitive = |g: &str, w: &str| {
        patronymic_stem(g).is_some_and(|stem| {
            let (s, w) = (spelling(stem), spelling(w));
            s == w || w.strip_suffix(['a', 'e', 'i', 'o', 'u']) == Some(s.as_str())
        })
    };
    genitive(a, b) || genitive(b, a)
}

/// The stem of a Mongolian patronymic in the genitive ("ukhnaagiin" → "ukhnaa",
/// "tsakhiagiin" → "tsakhia", "nambaryn" → "nambar", "luvsannamsrain" → "luvsannamsrai"),
/// or `None`. The stem keeps at least three letters.
fn patronymic_stem(word: &str) -> Option<&str> {
    let stem = if let Some(s) = word.strip_suffix("giin") {
        s
    } else if let Some(s) = word.strip_suffix("iin") {
        s
    } else if let Some(s) = word.strip_suffix("yn") {
        s
    } else if word.ends_with("ain") {
        &word[..word.len() - 2]
    } else {
        return None;
    };
    (stem.chars().count() >= 3).then_some(stem)
}

/// A [spelling-keyed](spelling_key) word spelled one way for the common transliteration variants: `tsch`,
/// `tch` → `ch`; `sch` → `sh`; `kh` → `h`; `ph` → `f`; `ks` → `x`; `ck` → `k`; `ou` →
/// `u`; `w` → `v`; a final `ff` → `v`; `y` → `i`; then doubled letters single
/// ("Tchaikovsky", "Chaikovsky" and "Tschaikowsky" are all "chaikovski").
pub fn spelling(word: &str) -> String {
    let mut w = word.to_string();
    for (from, to) in [
        ("tsch", "ch"),
        ("tch", "ch"),
        ("sch", "sh"),
        ("kh", "h"),
        ("ph", "f"),
        ("ks", "x"),
        ("ck", "k"),
        ("ou", "u"),
        ("w", "v"),
    ] {
        w = w.replace(from, to);
    }
    if let Some(stem) = w.strip_suffix("ff") {
        w = format!("{stem}v");
    }
    w = w.replace('y', "i");
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The bucket a word puts its entity in: its [`spelling`] (of a patronymic's stem), with
/// final vowels off, so that every pair [`same_word`] joins shares a bucket.
fn bucket_key(word: &str) -> String {
    let mut k = spelling(patronymic_stem(word).unwrap_or(word));
    while k.chars().count() > 2 && k.ends_with(['a', 'e', 'i', 'o', 'u']) {
        k.pop();
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Fact, GraphFile, KnowledgeGraph, Relation, Source};

    /// A graph of these entities, with ids of their own (two spellings of a name may
    /// have one slug).
    fn graph(mut entities: Vec<Entity>) -> KnowledgeGraph {
        for (i, e) in entities.iter_mut().enumerate() {
            e.id = format!("e{i}");
        }
        KnowledgeGraph::from_file(GraphFile {
            entities,
            ..GraphFile::default()
        })
        .unwrap()
    }

    fn entity(name: &str, kind: Kind) -> Entity {
        Entity::new(crate::model::slug(name), name, kind)
    }

    /// The pairs as (main name, other name, reasons).
    fn named(g: &KnowledgeGraph) -> Vec<(String, String, Vec<Reason>)> {
        duplicates(g, &Decisions::default())
            .iter()
            .map(|p| {
                (
                    g.entity(p.a).name.clone(),
                    g.entity(p.b).name.clone(),
                    p.reasons.clone(),
                )
            })
            .collect()
    }

    fn part(part: &str, whole: &str) -> Reason {
        Reason::Part {
            part: part.into(),
            whole: whole.into(),
        }
    }

    /// The first reason of the one pair two entities of a kind make, if any.
    fn reason(a: &str, b: &str, kind: Kind) -> Option<Reason> {
        let g = graph(vec![entity(a, kind), entity(b, kind)]);
        let pairs = duplicates(&g, &Decisions::default());
        assert!(pairs.len() <= 1);
        pairs.first().map(|p| p.reasons[0].clone())
    }

    #[test]
    fn a_breed_is_not_its_species() {
        let mut amur = entity("Amur tiger", Kind::Animal);
        amur.aliases.push("tigers".into());
        let mut tiger = entity("tiger", Kind::Animal);
        tiger.aliases.push("tigers".into());
        let g = graph(vec![amur, tiger]);
        assert!(duplicates(&g, &Decisions::default()).is_empty());
    }

    #[test]
    fn proposes_part_names_and_shared_aliases_not_different_people() {
        let mut dprk = Entity::new("dprk", "DPRK", Kind::Country);
        let mut kim_yo_jong = Entity::new("kim-yo-jong", "Kim Yo Jong", Kind::Person);
        kim_yo_jong.aliases.push("Kim".into());
        dprk.aliases.push("North Korea".into());
        let g = graph(vec![
            Entity::new("vladimir-putin", "Vladimir Putin", Kind::Person),
            Entity::new("putin", "Putin", Kind::Person),
            {
                let mut e = Entity::new("kim-jong-un", "Kim Jong Un", Kind::Person);
                e.aliases.push("Kim".into());
                e
            },
            kim_yo_jong,
            Entity::new("north-korea", "North Korea", Kind::Country),
            dprk,
        ]);
        assert_eq!(
            named(&g),
            [
                (
                    "North Korea".into(),
                    "DPRK".into(),
                    vec![Reason::Shared("North Korea".into())]
                ),
                (
                    "Vladimir Putin".into(),
                    "Putin".into(),
                    vec![part("Putin", "Vladimir Putin")]
                ),
            ]
        );
        let d = Decisions::parse("split \"Vladimir Putin\" \"Putin\"").unwrap();
        assert_eq!(duplicates(&g, &d).len(), 1);
    }

    #[test]
    fn accents_do_not_matter() {
        let accents = Some(Reason::Accents);
        for (a, b) in [
            ("Ukhnaa Khürelsükh", "Ukhnaa Khurelsukh"),
            ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
            ("Lech Wałęsa", "LECH WALESA"),
            ("José Martí", "Jose Marti"),
        ] {
            assert_eq!(reason(a, b, Kind::Person), accents, "{a} / {b}");
        }
        assert_eq!(
            reason("Pyongyang", "P'yŏngyang", Kind::Place),
            accents,
            "an apostrophe and a breve"
        );
        assert_eq!(
            reason("Kim Jong-un", "Kim Jong Un", Kind::Person),
            Some(Reason::Spacing)
        );
        assert_eq!(
            reason("Pyong-yang Zoo", "Pyongyang Zoo", Kind::Institution),
            Some(Reason::Spacing)
        );
    }

    #[test]
    fn transliteration_variants_and_patronymics_are_one_name() {
        let variant = Some(Reason::Transliteration);
        for (a, b) in [
            ("Ukhnaagiin Khurelsukh", "Ukhnaa Khürelsükh"),
            ("Ukhnaagiin Khürelsükh", "Ukhnaa Khurelsukh"),
            ("Tsakhiagiin Elbegdorj", "Tsakhia Elbegdorj"),
            ("Nambaryn Enkhbayar", "Nambar Enkhbayar"),
            ("Luvsannamsrain Oyun-Erdene", "Luvsannamsrai Oyun-Erdene"),
            ("Pyotr Tchaikovsky", "Pyotr Chaikovsky"),
            ("Pyotr Tschaikowsky", "Pyotr Chaikovsky"),
            ("Sergei Lavrov", "Sergey Lavrov"),
            ("Dmitriy Peskov", "Dmitry Peskov"),
            ("Alexei Navalny", "Aleksei Navalny"),
            ("Mikhail Mishustin", "Mihail Mishustin"),
        ] {
            assert_eq!(reason(a, b, Kind::Person), variant, "{a} / {b}");
        }
        assert_eq!(
            reason(
                "Tchaikovsky Conservatory",
                "Chaikovsky Conservatory",
                Kind::Institution
            ),
            variant
        );
        assert!(same_word("jambyn", "jamba") && same_word("ukhnaa", "ukhnaagiin"));
        assert!(!same_word("putin", "put") && !same_word("maria", "mario"));
    }

    #[test]
    fn different_people_stay_apart() {
        for (a, b) in [
            ("Kim Jong Un", "Kim Yo Jong"),
            ("Kim Jong Un", "Kim Jong Il"),
            ("Maria Rossi", "Mario Rossi"),
            ("Ukhnaagiin Khurelsukh", "Tsakhiagiin Elbegdorj"),
            ("Sergei Lavrov", "Sergei Shoigu"),
        ] {
            assert_eq!(reason(a, b, Kind::Person), None, "{a} / {b}");
        }
    }

    #[test]
    fn a_place_is_never_the_institution_named_after_it() {
        for (a, ka, b, kb) in [
            ("Pyongyang", Kind::Place, "Pyongyang Zoo", Kind::Institution),
            (
                "Pyongyang",
                Kind::Place,
                "Pyongyang Central Zoo",
                Kind::Institution,
            ),
            ("Moscow", Kind::Place, "Moscow Zoo", Kind::Institution),
            (
                "Ulaanbaatar",
                Kind::Place,
                "Ulaanbaatar University",
                Kind::Institution,
            ),
        ] {
            let g = graph(vec![entity(a, ka), entity(b, kb)]);
            assert!(named(&g).is_empty(), "{a} / {b}");
        }
        // A shared alias does not join them either: "Moscow" on the zoo.
        let mut zoo = entity("Moscow Zoo", Kind::Institution);
        zoo.aliases.push("Moscow".into());
        let g = graph(vec![entity("Moscow", Kind::Place), zoo]);
        assert!(named(&g).is_empty());
        // Nor when both are places, or both institutions with another body's word.
        assert_eq!(reason("Pyongyang", "Pyongyang Zoo", Kind::Place), None);
        assert_eq!(reason("Kursk", "Kursk region", Kind::Place), None);
        assert_eq!(reason("Korea", "North Korea", Kind::Country), None);
        assert_eq!(
            reason("Moscow Zoo", "Moscow Zoo Foundation", Kind::Institution),
            None
        );
        assert_eq!(
            reason("Pyongyang Zoo", "Pyongyang Central Zoo", Kind::Institution),
            Some(part("Pyongyang Zoo", "Pyongyang Central Zoo"))
        );
    }

    #[test]
    fn kinds_differ_never_a_pair() {
        for (a, ka, b, kb) in [
            (
                "Ukhnaa Khürelsükh",
                Kind::Person,
                "Ukhnaa Khurelsukh",
                Kind::Institution,
            ),
            ("Mongolia", Kind::Country, "Mongolia", Kind::Place),
            ("Kim Jong Un", Kind::Person, "Kim Jong-un", Kind::Group),
            ("Tchaikovsky", Kind::Person, "Chaikovsky", Kind::Place),
        ] {
            let g = graph(vec![entity(a, ka), entity(b, kb)]);
            assert!(named(&g).is_empty(), "{a} / {b}");
        }
    }

    #[test]
    fn a_part_of_two_wholes_is_not_proposed() {
        let g = graph(vec![
            entity("Ministry of Foreign Affairs", Kind::Institution),
            entity("Chinese Ministry of Foreign Affairs", Kind::Institution),
            entity("Japanese Ministry of Foreign Affairs", Kind::Institution),
        ]);
        assert!(named(&g).is_empty());
    }

    #[test]
    fn near_spellings_but_not_of_countries() {
        assert_eq!(
            reason(
                "Khurelsukh Foundation",
                "Khurelsuk Foundation",
                Kind::Institution
            ),
            Some(Reason::Letters(1))
        );
        assert_eq!(reason("Gambia", "Zambia", Kind::Country), None);
        // Two countries' ministries, even when both go by the bare name.
        let ministry = |name: &str| {
            let mut e = entity(name, Kind::Institution);
            e.aliases.push("Ministry of Foreign Affairs".into());
            e
        };
        let g = graph(vec![
            ministry("Chinese Ministry of Foreign Affairs"),
            ministry("Japanese Ministry of Foreign Affairs"),
        ]);
        assert!(duplicates(&g, &Decisions::default()).is_empty());
        assert_eq!(reason("Austria", "Australia", Kind::Country), None);
        assert_eq!(reason("Iran", "Iraq", Kind::Place), None);
        assert_eq!(
            reason("Austrian Embassy", "Australian Embassy", Kind::Institution),
            None
        );
    }

    /// An entity with a fact in each of `articles` articles.
    fn mentioned(g: &mut GraphFile, name: &str, articles: usize) {
        let e = entity(name, Kind::Person);
        for k in 0..articles {
            let source = format!("{}-{k}", e.id);
            g.sources.push(Source::new(&source));
            let mut f = Fact::new(e.id.clone(), Relation::Leads, "mongolia");
            f.source = Some(source);
            g.facts.push(f);
        }
        g.entities.push(e);
    }

    #[test]
    fn the_main_name_is_the_most_frequent_form() {
        for (rare, frequent) in [
            ("Ukhnaagiin Khurelsukh", "Ukhnaa Khürelsükh"),
            ("Ukhnaa Khürelsükh", "Ukhnaagiin Khurelsukh"),
            ("Vladimir Putin", "Putin"),
            ("Pyotr Tchaikovsky", "Pyotr Chaikovsky"),
        ] {
            let mut file = GraphFile::default();
            file.entities
                .push(Entity::new("mongolia", "Mongolia", Kind::Country));
            mentioned(&mut file, rare, 1);
            mentioned(&mut file, frequent, 3);
            let g = KnowledgeGraph::from_file(file).unwrap();
            let pairs = named(&g);
            assert_eq!(pairs.len(), 1, "{rare} / {frequent}");
            assert_eq!(pairs[0].0, frequent);
            assert_eq!(pairs[0].1, rare);
            assert_eq!(
                pairs[0].2[1],
                Reason::MoreOften {
                    main: frequent.into(),
                    other: rare.into(),
                    of: Counted::Articles,
                    count: 3,
                    other_count: 1,
                }
            );
        }
    }
}
