//! Synthetic knowledge bases of any size, for the scale benchmark (`bench/`) and the
//! path-length tests: [`write`] streams a graph file of `facts` facts in kg's canonical
//! form (the bytes `kg` itself would write for it) and returns [`Queries`] worth asking of
//! it.
//!
//! The shape is meant to look like a year of news, deterministically from a seed:
//! - about `facts / 5` entities of all nine kinds, with unique readable names (first and
//!   last names, place words, institution and group words; a number is appended only
//!   when the combinations run out) and some aliases;
//! - power-law degrees: subjects are drawn half uniformly, half from a Zipf-like law,
//!   objects from a steeper one among the kinds the relation takes, so a few hubs (a
//!   country, a ministry, an animal) hold a large share of the facts;
//! - every fact has a date, one of a few hundred dated, titled sources and an evidence
//!   sentence of about 100 characters built from the names.
//!
//! Memory is O(entities): facts are generated subject by subject, in canonical order,
//! and written as they are made. Ten million facts (3.3 GB of JSON) take about 40 s of
//! CPU and 530 MB of memory; writing them is disk-bound.

use kg::model::{Kind, Relation, slug};
use serde::Serialize;
use std::collections::HashSet;
use std::io::{self, Write};

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The number of facts.
    pub facts: usize,
    /// The seed: the same spec gives the same bytes.
    pub seed: u64,
    /// The number of sources (articles once migrated); 0: a few hundred (one per 20
    /// facts, at most 300), which makes articles of thousands of facts at scale, where
    /// real news gives tens.
    pub sources: usize,
}

/// An entity named in [`Queries`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
    /// Its number of facts, either end.
    pub degree: u32,
}

/// A pair of entities to find a path between.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub from: Named,
    pub to: Named,
    /// True when the facts connect them (in either direction).
    pub connected: bool,
}

/// The queries worth asking of a generated base, and its counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Queries {
    pub facts: usize,
    pub entities: usize,
    pub sources: usize,
    pub seed: u64,
    /// Random pairs: at least 20 connected ones, then a few with no path when the base has
    /// entities outside its largest component.
    pub pairs: Vec<Pair>,
    /// The worst case for a path search: from the giant component to an entity outside it
    /// (in the largest other component), when there is one.
    pub worst: Option<Pair>,
    /// The entity with the most facts.
    pub hub: Named,
    /// A small entity next to the hub: its two-hop neighbourhood holds the hub's.
    pub near_hub: Named,
    /// An entity of about average degree, to show.
    pub typical: Named,
}

/// Writes the graph file for `spec` to `out` (buffer it) and returns what to ask of it.
pub fn write(spec: Spec, out: &mut impl Write) -> io::Result<Queries> {
    let world = World::new(spec);
    let mut links = Links::new(world.ids.len());
    out.write_all(b"{\n  \"version\": 1,\n  \"sources\": [")?;
    for (i, s) in world.sources.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        object(
            out,
            4,
            &[
                ("id", Field::Str(&s.id)),
                ("title", Field::Str(&s.title)),
                ("date", Field::Str(&s.date)),
            ],
        )?;
    }
    close_array(out, !world.sources.is_empty(), true)?;
    out.write_all(b"  \"entities\": [")?;
    for (r, &i) in world.order.iter().enumerate() {
        out.write_all(if r == 0 { b"\n" } else { b",\n" })?;
        let i = i as usize;
        let kind = Field::Str(world.kinds[i].as_str());
        let mut fields = vec![
            ("id", Field::Str(&world.ids[i])),
            ("name", Field::Str(&world.names[i])),
            ("kind", kind),
        ];
        if let Some(a) = &world.aliases[i] {
            fields.push(("aliases", Field::List(std::slice::from_ref(a))));
        }
        object(out, 4, &fields)?;
    }
    close_array(out, !world.order.is_empty(), true)?;
    out.write_all(b"  \"facts\": [")?;
    let mut first = true;
    let mut facts = Vec::new();
    for &s in &world.order {
        world.facts_of(s as usize, &mut facts);
        for f in &facts {
            links.join(s as usize, f.object as usize);
            out.write_all(if first { b"\n" } else { b",\n" })?;
            first = false;
            let src = &world.sources[f.source as usize];
            object(
                out,
                4,
                &[
                    ("subject", Field::Str(&world.ids[s as usize])),
                    ("relation", Field::Str(f.relation.as_str())),
                    ("object", Field::Str(&world.ids[f.object as usize])),
                    ("date", Field::Str(&src.date[..f.date_len as usize])),
                    ("source", Field::Str(&src.id)),
                    ("evidence", Field::Str(&f.evidence)),
                ],
            )?;
        }
    }
    close_array(out, !first, false)?;
    out.write_all(b"}\n")?;
    Ok(links.queries(&world))
}

/// One JSON value of an object written by [`object`].
enum Field<'a> {
    Str(&'a str),
    List(&'a [String]),
}

/// Writes `{...}` as serde_json's pretty printer does, its brace at `indent` spaces.
fn object(out: &mut impl Write, indent: usize, fields: &[(&str, Field)]) -> io::Result<()> {
    let pad = " ".repeat(indent);
    write!(out, "{pad}{{")?;
    for (k, (key, value)) in fields.iter().enumerate() {
        out.write_all(if k == 0 { b"\n" } else { b",\n" })?;
        write!(out, "{pad}  ")?;
        string(out, key)?;
        out.write_all(b": ")?;
        match value {
            Field::Str(s) => string(out, s)?,
            Field::List(items) => {
                out.write_all(b"[")?;
                for (j, item) in items.iter().enumerate() {
                    out.write_all(if j == 0 { b"\n" } else { b",\n" })?;
                    write!(out, "{pad}    ")?;
                    string(out, item)?;
                }
                write!(out, "\n{pad}  ]")?;
            }
        }
    }
    write!(out, "\n{pad}}}")
}

/// Ends a top-level array (`[]` when it was empty), with a comma unless it is the last.
fn close_array(out: &mut impl Write, any: bool, comma: bool) -> io::Result<()> {
    out.write_all(if any { b"\n  ]" } else { b"]" })?;
    out.write_all(if comma { b",\n" } else { b"\n" })
}

/// Writes a JSON string, escaped as serde_json escapes it.
fn string(out: &mut impl Write, s: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            0..=0x1f => {
                out.write_all(&s.as_bytes()[start..i])?;
                write!(out, "\\u{b:04x}")?;
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        out.write_all(&s.as_bytes()[start..i])?;
        out.write_all(esc)?;
        start = i + 1;
    }
    out.write_all(&s.as_bytes()[start..])?;
    out.write_all(b"\"")
}

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// In `0..n`, rank r with density ~ r^(1/alpha - 1): low ranks are hubs.
    fn zipf(&mut self, n: usize, alpha: f64) -> usize {
        ((self.unit().powf(alpha) * n as f64) as usize).min(n - 1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Given names the generator draws people from.
pub const FIRST: &[&str] = &[
    "Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hyun", "Ivan", "Jana", "Kofi",
    "Lina", "Marek", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Samir", "Tomas", "Ulla",
    "Victor", "Wanda", "Xavier", "Yara", "Zoran", "Amara", "Bruno", "Carmen", "Diego", "Emil",
    "Fatima", "Gustav", "Helga", "Imran", "Jonas", "Keiko", "Leila", "Mateo", "Nikolai", "Olga",
    "Pavel", "Rania", "Stefan", "Tariq", "Vera", "Wei", "Yusuf",
];
/// Family names the generator draws people from.
pub const LAST: &[&str] = &[
    "Petrova",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Haddad",
    "Novak",
    "Silva",
    "Kowalski",
    "Brandt",
    "Osei",
    "Ferreira",
    "Ivanova",
    "Jensen",
    "Kim",
    "Mendoza",
    "Nakamura",
    "Olsen",
    "Popescu",
    "Rahman",
    "Schmidt",
    "Takahashi",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zhou",
    "Abara",
    "Bianchi",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Horvat",
    "Ito",
    "Kovacs",
    "Larsen",
    "Mensah",
    "Nguyen",
    "Ortiz",
];
const SYLLABLE: &[&str] = &[
    "Vel", "Kar", "Ost", "Bran", "Mor", "Tal", "Zer", "Alv", "Dun", "Esk", "Fal", "Gor", "Hal",
    "Ist", "Jor", "Kel", "Lun", "Mar", "Nor", "Orm", "Pel", "Quar", "Ros", "Sel", "Tor", "Ul",
    "Var", "Wen", "Yst", "Zan", "Bel", "Cor",
];
const ENDING: &[&str] = &[
    "den", "mark", "holm", "grad", "ville", "burg", "stad", "field", "mouth", "wick", "haven",
    "port", "ford", "dale", "moor", "gate",
];
const COUNTRY_ENDING: &[&str] = &["ia", "land", "stan", "ova", "esia"];
const PLACE_PATTERN: &[(&str, &str)] = &[
    ("", ""),
    ("Port ", ""),
    ("", " Heights"),
    ("Lake ", ""),
    ("", " Valley"),
    ("North ", ""),
    ("", " Springs"),
    ("New ", ""),
];
const INSTITUTION: &[&str] = &[
    "Ministry of Health",
    "Ministry of Defence",
    "Zoo",
    "University",
    "Central Bank",
    "Port Authority",
    "Football Club",
    "Museum",
    "City Hospital",
    "Chamber of Commerce",
    "Police",
    "Institute of Science",
    "Broadcasting Company",
    "Electoral Commission",
    "Water Board",
    "Energy Agency",
];
const GROUP: &[&str] = &[
    "Brigade",
    "Volunteers",
    "Delegation",
    "Militia",
    "Rangers",
    "Peacekeepers",
    "Border Guards",
    "Marines",
];
const AGREEMENT: &[&str] = &[
    "Accord",
    "Treaty",
    "Pact",
    "Protocol",
    "Memorandum",
    "Charter",
];
const TOPIC: &[&str] = &[
    "talks",
    "the ceasefire",
    "grain exports",
    "the new bridge",
    "the election",
    "fuel prices",
    "the zoo exchange",
    "fishing rights",
    "the vaccine programme",
    "rail links",
];
const CLAIM: &[&str] = &[
    "will resume next month",
    "must be respected",
    "is a historic step",
    "was never agreed",
    "will benefit both sides",
    "has been delayed again",
    "threatens regional peace",
    "is going according to plan",
];
const ANIMAL: &[&str] = &[
    "panda", "otter", "leopard", "ibis", "camel", "bear", "eagle", "python", "zebra", "penguin",
    "lynx", "tortoise",
];
const ANIMAL_ADJ: &[&str] = &[
    "red", "snow", "giant", "dwarf", "golden", "spotted", "black", "white", "mountain", "desert",
];
const THING: &[&str] = &[
    "grain",
    "tanks",
    "vaccines",
    "drones",
    "fuel",
    "medical supplies",
    "artillery shells",
    "fertiliser",
    "rice",
    "generators",
];
const THING_ADJ: &[&str] = &[
    "surplus",
    "armoured",
    "refrigerated",
    "donated",
    "used",
    "heavy",
    "emergency",
    "spare",
];
const HEADLINE: &[&str] = &[
    "talks end without a deal",
    "hosts regional summit",
    "signs new agreements",
    "welcomes foreign delegation",
    "reports record harvest",
    "opens new zoo wing",
    "faces border tensions",
    "announces aid package",
];

/// How common each kind but country is (per thousand entities).
const KIND_SHARE: [(Kind, usize); 8] = [
    (Kind::Person, 300),
    (Kind::Institution, 150),
    (Kind::Place, 140),
    (Kind::Animal, 20),
    (Kind::Group, 80),
    (Kind::Agreement, 80),
    (Kind::Statement, 160),
    (Kind::Thing, 70),
];

/// The name of the `n`-th entity of a kind: combinations first, a number when they run
/// out.
fn base_name(kind: Kind, n: usize) -> String {
    // Mixed radix over the lists; `n / capacity` becomes a trailing number.
    fn digits<const K: usize>(mut n: usize, radix: [usize; K]) -> ([usize; K], usize) {
        let mut d = [0; K];
        for (slot, r) in d.iter_mut().zip(radix) {
            *slot = n % r;
            n /= r;
        }
        (d, n)
    }
    let word = |a: usize, b: usize| format!("{}{}", SYLLABLE[a], ENDING[b]);
    let (name, more) = match kind {
        Kind::Person => {
            let ([f, l, m], more) = digits(n, [FIRST.len(), LAST.len(), 27]);
            let middle = if m == 0 {
                String::new()
            } else {
                format!("{}. ", (b'A' + m as u8 - 1) as char)
            };
            (format!("{} {middle}{}", FIRST[f], LAST[l]), more)
        }
        Kind::Country => {
            let ([s, e], more) = digits(n, [SYLLABLE.len(), COUNTRY_ENDING.len()]);
            (format!("{}{}", SYLLABLE[s], COUNTRY_ENDING[e]), more)
        }
        Kind::Place => {
            let ([s, e, p], more) = digits(n, [SYLLABLE.len(), ENDING.len(), PLACE_PATTERN.len()]);
            let (pre, post) = PLACE_PATTERN[p];
            (format!("{pre}{}{post}", word(s, e)), more)
        }
        Kind::Institution => {
            let ([s, e, i], more) = digits(n, [SYLLABLE.len(), ENDING.len(), INSTITUTION.len()]);
            (format!("{} {}", word(s, e), INSTITUTION[i]), more)
        }
        Kind::Group => {
            let ([s, e, g], more) = digits(n, [SYLLABLE.len(), ENDING.len(), GROUP.len()]);
            (format!("{} {}", word(s, e), GROUP[g]), more)
        }
        Kind::Agreement => {
            let ([s, e, a, y], more) =
                digits(n, [SYLLABLE.len(), ENDING.len(), AGREEMENT.len(), 30]);
            (
                format!("{} {} of {}", word(s, e), AGREEMENT[a], 1995 + y),
                more,
            )
        }
        Kind::Statement => {
            let ([s, e, t, c], more) =
                digits(n, [SYLLABLE.len(), ENDING.len(), TOPIC.len(), CLAIM.len()]);
            (format!("{} {} {}", word(s, e), TOPIC[t], CLAIM[c]), more)
        }
        Kind::Animal => {
            let ([a, j], more) = digits(n, [ANIMAL.len(), ANIMAL_ADJ.len()]);
            (format!("{} {}", ANIMAL_ADJ[j], ANIMAL[a]), more)
        }
        Kind::Thing => {
            let ([t, j, s, e], more) = digits(
                n,
                [THING.len(), THING_ADJ.len(), SYLLABLE.len(), ENDING.len()],
            );
            (
                format!("{} {} from {}", THING_ADJ[j], THING[t], word(s, e)),
                more,
            )
        }
    };
    if more == 0 {
        name
    } else {
        format!("{name} {}", more + 1)
    }
}

/// An alias for some entities, derived from the name so it cannot be another's name.
fn alias(kind: Kind, name: &str, rng: &mut Rng) -> Option<String> {
    match kind {
        Kind::Country => Some(format!("Republic of {name}")),
        Kind::Animal => Some(format!("{name}s")),
        Kind::Person if rng.below(4) == 0 => {
            let (first, rest) = name.split_once(' ')?;
            Some(format!("{}. {rest}", &first[..1]))
        }
        Kind::Institution if rng.below(3) == 0 => Some(format!("the {name}")),
        _ => None,
    }
}

/// A source: an article with an id, a title and a date.
struct Src {
    id: String,
    title: String,
    date: String,
}

/// One generated fact of a subject, before it is written.
struct Gen {
    relation: Relation,
    object: u32,
    /// The fact's date is the first `date_len` bytes of its source's (a day or a month).
    date_len: u8,
    source: u32,
    evidence: String,
}

/// The entities and sources, and how many facts each subject has.
struct World {
    seed: u64,
    names: Vec<String>,
    ids: Vec<String>,
    kinds: Vec<Kind>,
    aliases: Vec<Option<String>>,
    /// Entity indices in id order.
    order: Vec<u32>,
    /// Entity index → its position in `order`.
    rank: Vec<u32>,
    /// Per kind (in `Kind::ALL` order), its entities: a Zipf draw over this list picks hubs.
    by_kind: Vec<Vec<u32>>,
    out_degree: Vec<u32>,
    sources: Vec<Src>,
    facts: usize,
}

impl World {
    fn new(spec: Spec) -> World {
        let n = (spec.facts / 5).max(Kind::ALL.len() * 2);
        let countries = (n / 200).clamp(9, SYLLABLE.len() * COUNTRY_ENDING.len());
        let mut rng = Rng::new(spec.seed, 1);
        let total: usize = KIND_SHARE.iter().map(|(_, s)| s).sum();
        let mut kinds = Vec::with_capacity(n);
        for i in 0..n {
            kinds.push(if i < countries {
                Kind::Country
            } else if i < countries + KIND_SHARE.len() {
                // Every kind at least once, however small the base.
                KIND_SHARE[i - countries].0
            } else {
                let mut x = rng.below(total);
                KIND_SHARE
                    .iter()
                    .find(|(_, s)| {
                        let hit = x < *s;
                        x = x.saturating_sub(*s);
                        hit
                    })
                    .expect("shares cover the total")
                    .0
            });
        }
        let mut counters = [0usize; 9];
        let mut seen: HashSet<String> = HashSet::with_capacity(n);
        let (mut names, mut ids, mut aliases) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        let mut by_kind = vec![Vec::new(); 9];
        for (i, &kind) in kinds.iter().enumerate() {
            let k = kind as usize;
            let (mut name, mut id);
            loop {
                name = base_name(kind, counters[k]);
                counters[k] += 1;
                id = slug(&name);
                if seen.insert(id.clone()) {
                    break;
                }
            }
            aliases.push(alias(kind, &name, &mut rng));
            names.push(name);
            ids.push(id);
            by_kind[k].push(i as u32);
        }
        drop(seen);
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by(|&a, &b| ids[a as usize].cmp(&ids[b as usize]));
        let mut rank = vec![0u32; n];
        for (r, &i) in order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        let sources = Self::sources(spec, &mut rng);
        // Subjects: among entities that can start a fact, half uniform, half Zipf.
        let subjects: Vec<u32> = (0..n as u32)
            .filter(|&i| starts_any(kinds[i as usize]))
            .collect();
        let mut out_degree = vec![0u32; n];
        for _ in 0..spec.facts {
            let at = if rng.below(2) == 0 {
                rng.below(subjects.len())
            } else {
                rng.zipf(subjects.len(), 2.0)
            };
            out_degree[subjects[at] as usize] += 1;
        }
        World {
            seed: spec.seed,
            names,
            ids,
            kinds,
            aliases,
            order,
            rank,
            by_kind,
            out_degree,
            sources,
            facts: spec.facts,
        }
    }

    /// A few hundred sources (fewer for tiny bases), or as many as the spec says, dated
    /// 2022–2025, in id order.
    fn sources(spec: Spec, rng: &mut Rng) -> Vec<Src> {
        let count = match spec.sources {
            0 => (spec.facts / 20).clamp(1, 300),
            n => n,
        };
        let mut out: Vec<Src> = (0..count)
            .map(|k| {
                let date = format!(
                    "{}-{:02}-{:02}",
                    2022 + rng.below(4),
                    1 + rng.below(12),
                    1 + rng.below(28)
                );
                let place = base_name(Kind::Place, rng.below(4000));
                Src {
                    id: format!("wire-{date}-{k:03}"),
                    title: format!("{place} {}", rng.pick(HEADLINE)),
                    date,
                }
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// The facts of subject `s`, in canonical order, into `out`.
    fn facts_of(&self, s: usize, out: &mut Vec<Gen>) {
        out.clear();
        let mut rng = Rng::new(self.seed, 1_000_003 + s as u64);
        let kind = self.kinds[s];
        let relations: Vec<Relation> = Relation::ALL
            .into_iter()
            .filter(|&r| r.signature().0.contains(&kind))
            .collect();
        for _ in 0..self.out_degree[s] {
            let relation = relations[rng.below(relations.len())];
            let targets = relation.signature().1;
            let pool = &self.by_kind[targets[rng.below(targets.len())] as usize];
            let mut object = pool[rng.zipf(pool.len(), 3.0)];
            if object as usize == s {
                object = pool[rng.below(pool.len())];
                if object as usize == s {
                    continue;
                }
            }
            let source = rng.below(self.sources.len()) as u32;
            let date_len = if rng.below(4) == 0 { 7 } else { 10 };
            let evidence = self.evidence(s, relation, object as usize, source as usize, &mut rng);
            out.push(Gen {
                relation,
                object,
                date_len,
                source,
                evidence,
            });
        }
        out.sort_by(|a, b| {
            let date = |g: &Gen| &self.sources[g.source as usize].date[..g.date_len as usize];
            (
                a.relation,
                self.rank[a.object as usize],
                date(a),
                a.source,
                &a.evidence,
            )
                .cmp(&(
                    b.relation,
                    self.rank[b.object as usize],
                    date(b),
                    b.source,
                    &b.evidence,
                ))
        });
    }

    /// A sentence of about 100 characters stating the fact.
    fn evidence(&self, s: usize, r: Relation, o: usize, src: usize, rng: &mut Rng) -> String {
        let (a, b) = (&self.names[s], &self.names[o]);
        let title = &self.sources[src].title;
        let place = title.split(' ').next().unwrap_or("the capital");
        let said = rng.pick(&[
            "officials said on Tuesday",
            "according to a statement",
            "local media reported",
            "a spokesperson confirmed",
        ]);
        match r {
            Relation::Sent => format!("{a} sent {b} to {place} last week, {said}."),
            Relation::Received => format!("{a} received {b} at a ceremony in {place}, {said}."),
            Relation::Stated => format!("Speaking in {place}, {a} said that {b}."),
            Relation::DeployedTo => format!("The {a} were deployed to {b} in the spring, {said}."),
            Relation::Leads => format!("{a}, who leads {b}, arrived in {place} on Monday, {said}."),
            Relation::MemberOf => format!("{a}, a member of {b}, spoke to reporters in {place}."),
            Relation::LocatedIn => format!("{a}, located in {b}, reopened to visitors, {said}."),
            Relation::Signed => format!("{a} signed the {b} at a meeting in {place}, {said}."),
            Relation::Fought => format!("{a} fought {b} near {place} for three days, {said}."),
            Relation::CooperatesWith => {
                format!("{a} will cooperate with {b} on trade and research, {said}.")
            }
        }
    }
}

/// True when some relation starts from this kind.
fn starts_any(kind: Kind) -> bool {
    Relation::ALL
        .into_iter()
        .any(|r| r.signature().0.contains(&kind))
}

/// Components (union-find), degrees and one neighbour per entity, gathered as facts are
/// written, to choose the queries.
struct Links {
    parent: Vec<u32>,
    degree: Vec<u32>,
    neighbour: Vec<u32>,
}

impl Links {
    fn new(n: usize) -> Links {
        Links {
            parent: (0..n as u32).collect(),
            degree: vec![0; n],
            neighbour: vec![u32::MAX; n],
        }
    }

    fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let up = self.parent[self.parent[x] as usize];
            self.parent[x] = up;
            x = up as usize;
        }
        x
    }

    fn join(&mut self, a: usize, b: usize) {
        self.degree[a] += 1;
        self.degree[b] += 1;
        self.neighbour[a] = b as u32;
        self.neighbour[b] = a as u32;
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb) as u32;
        }
    }

    fn queries(mut self, world: &World) -> Queries {
        let n = world.ids.len();
        let roots: Vec<usize> = (0..n).map(|i| self.root(i)).collect();
        let mut size = vec![0u32; n];
        for &r in &roots {
            size[r] += 1;
        }
        let giant = (0..n)
            .max_by_key(|&r| (size[r], usize::MAX - r))
            .unwrap_or(0);
        let named = |i: usize| Named {
            id: world.ids[i].clone(),
            name: world.names[i].clone(),
            degree: self.degree[i],
        };
        let mut rng = Rng::new(world.seed, 2);
        let connected_ones: Vec<usize> = (0..n).filter(|&i| roots[i] == giant).collect();
        let outside: Vec<usize> = (0..n).filter(|&i| roots[i] != giant).collect();
        let mut pairs = Vec::new();
        if connected_ones.len() >= 2 {
            for _ in 0..20 {
                let a = connected_ones[rng.below(connected_ones.len())];
                let b = connected_ones[rng.below(connected_ones.len())];
                pairs.push((a, b));
            }
        }
        if !outside.is_empty() {
            for _ in 0..4 {
                let a = rng.below(n);
                pairs.push((a, outside[rng.below(outside.len())]));
            }
        }
        let hub = (0..n)
            .max_by_key(|&i| (self.degree[i], usize::MAX - i))
            .unwrap_or(0);
        let near_hub = (0..n)
            .filter(|&i| self.neighbour[i] as usize == hub && i != hub)
            .min_by_key(|&i| (self.degree[i].abs_diff(3), i))
            .unwrap_or(hub);
        let mean = (2 * world.facts / n.max(1)) as u32;
        let typical = (0..n)
            .map(|k| (k * 7919 + rng.below(n)) % n)
            .take(1000)
            .find(|&i| roots[i] == giant && self.degree[i] >= mean.max(1))
            .unwrap_or(hub);
        // The worst case: the largest component besides the giant, else any outsider.
        let worst_to = outside
            .iter()
            .copied()
            .max_by_key(|&i| (size[roots[i]], usize::MAX - i));
        let pair = |(a, b): (usize, usize)| Pair {
            from: named(a),
            to: named(b),
            connected: roots[a] == roots[b],
        };
        Queries {
            facts: world.facts,
            entities: n,
            sources: world.sources.len(),
            seed: world.seed,
            pairs: pairs.into_iter().map(pair).collect(),
            worst: worst_to.map(|b| pair((near_hub, b))),
            hub: named(hub),
            near_hub: named(near_hub),
            typical: named(typical),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generate(facts: usize, seed: u64) -> (String, Queries) {
        let mut out = Vec::new();
        let q = write(
            Spec {
                facts,
                seed,
                sources: 0,
            },
            &mut out,
        )
        .unwrap();
        (String::from_utf8(out).unwrap(), q)
    }

    #[test]
    fn output_is_kgs_canonical_form() {
        for facts in [0, 1, 50, 3000] {
            let (text, q) = generate(facts, 7);
            let graph = kg::store::from_json(&text).unwrap();
            assert_eq!(kg::store::to_json(&graph), text, "{facts} facts");
            assert_eq!(graph.entity_count(), q.entities);
            assert!(graph.fact_count() <= facts && graph.fact_count() + 2 >= facts);
        }
    }

    #[test]
    fn every_kind_and_relation_is_used_and_names_are_unique() {
        let (text, q) = generate(3000, 1);
        let file: kg::model::GraphFile = serde_json::from_str(&text).unwrap();
        for k in Kind::ALL {
            assert!(file.entities.iter().any(|e| e.kind == k), "{k}");
        }
        for r in Relation::ALL {
            assert!(file.facts.iter().any(|f| f.relation == r), "{r}");
        }
        let names: HashSet<String> = file
            .entities
            .iter()
            .map(|e| kg::model::name::lookup_key(&e.name))
            .collect();
        assert_eq!(names.len(), file.entities.len());
        assert!(file.facts.iter().all(|f| {
            f.date.is_some() && f.source.is_some() && f.evidence.as_ref().unwrap().len() > 50
        }));
        assert!(q.pairs.iter().filter(|p| p.connected).count() >= 20);
        // Power law: the hub holds far more than the average.
        assert!(q.hub.degree as usize > 20 * 2 * 3000 / q.entities);
    }

    #[test]
    fn same_seed_same_bytes() {
        assert_eq!(generate(500, 3).0, generate(500, 3).0);
        assert_ne!(generate(500, 3).0, generate(500, 4).0);
    }

    #[test]
    fn names_run_out_into_numbers() {
        assert_eq!(base_name(Kind::Animal, 0), "red panda");
        let cap = ANIMAL.len() * ANIMAL_ADJ.len();
        assert_eq!(base_name(Kind::Animal, cap), "red panda 2");
    }
}
