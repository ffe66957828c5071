//! [`Relation`]: the typed, directed link a fact states between two entities.

use super::Kind;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Defines [`Relation`] from one list of `Variant = "name"`: the enum (each variant
/// serialized under its name), [`Relation::COUNT`], [`Relation::ALL`] in the list's order
/// and [`Relation::as_str`], so that no variant can be left out of any of them.
macro_rules! relations {
    ($(#[$meta:meta])* $($variant:ident = $name:literal,)+) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Relation {
            $(#[serde(rename = $name)] $variant,)+
        }

        impl Relation {
            /// How many relations there are.
            pub const COUNT: usize = [$(Relation::$variant),+].len();

            /// Every relation, in documentation order (a relation's place here is its
            /// [`index`](Relation::index)).
            pub const ALL: [Relation; Relation::COUNT] = [$(Relation::$variant),+];

            /// The name used in files and on the command line.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Relation::$variant => $name,)+
                }
            }
        }
    };
}

relations! {
    /// A relation, directed subject → object. Serialized by its name (`"deployed-to"`).
    ///
    /// Everything kg knows of a relation is here: its name ([`Relation::as_str`]), whether it
    /// is symmetric, the kinds of entity it joins ([`Relation::signature`]) and its verb in
    /// prose ([`Relation::verb`]).
    ///
    /// | relation | subject | object | verb (one, many) |
    /// |---|---|---|---|
    /// | sent | person, institution, country | thing, animal, group | sent |
    /// | received | person, institution, country | thing, animal, group | received |
    /// | stated | person, institution | statement | said |
    /// | deployed-to | group | place, country | was / were deployed to |
    /// | leads | person | institution, country, group | leads / lead |
    /// | member-of | person, group, institution | institution, country | is / are part of |
    /// | located-in | institution, place | place, country | is / are in |
    /// | signed | person, institution, country | agreement | signed |
    /// | fought | group, country | group, country (symmetric) | fought |
    /// | cooperates-with | institution, country | institution, country (symmetric) | cooperates / cooperate with |
    ///
    /// To add a relation: add a line `Variant = "name",` below (which puts it in
    /// [`Relation::ALL`], [`Relation::COUNT`] and [`Relation::as_str`]) and a row to this
    /// table; the compiler then asks for its arm in [`Relation::is_symmetric`],
    /// [`Relation::signature`] and [`Relation::verb`], and for its sentence in the test
    /// generator (`kg-testkit`). The rest of kg (parsing, exports, help text, prose, the
    /// snapshot's layout, which has room for 16, checked at compile time) follows.
    Sent = "sent",
    Received = "received",
    Stated = "stated",
    DeployedTo = "deployed-to",
    Leads = "leads",
    MemberOf = "member-of",
    LocatedIn = "located-in",
    Signed = "signed",
    Fought = "fought",
    CooperatesWith = "cooperates-with",
}

// A relation's index is its place in ALL (what the snapshot stores).
const _: () = {
    let mut i = 0;
    while i < Relation::COUNT {
        assert!(Relation::ALL[i].index() == i);
        i += 1;
    }
};

impl Relation {
    /// The relation's place in [`Relation::ALL`], from 0 to [`Relation::COUNT`] − 1.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// True when `a R b` says the same as `b R a` (fought, cooperates-with).
    pub fn is_symmetric(self) -> bool {
        match self {
            Relation::Fought | Relation::CooperatesWith => true,
            Relation::Sent
            | Relation::Received
            | Relation::Stated
            | Relation::DeployedTo
            | Relation::Leads
            | Relation::MemberOf
            | Relation::LocatedIn
            | Relation::Signed => false,
        }
    }

    /// The kinds of entity facts of this relation start from and point to, the common
    /// ones first (what the generator of test bases draws from).
    pub fn signature(self) -> (&'static [Kind], &'static [Kind]) {
        use Kind::*;
        match self {
            Relation::Sent | Relation::Received => {
                (&[Person, Institution, Country], &[Thing, Animal, Group])
            }
            Relation::Stated => (&[Person, Institution], &[Statement]),
            Relation::DeployedTo => (&[Group], &[Place, Country]),
            Relation::Leads => (&[Person], &[Institution, Country, Group]),
            Relation::MemberOf => (&[Person, Group, Institution], &[Institution, Country]),
            Relation::LocatedIn => (&[Institution, Place], &[Place, Country]),
            Relation::Signed => (&[Person, Institution, Country], &[Agreement]),
            Relation::Fought => (&[Group, Country], &[Group, Country]),
            Relation::CooperatesWith => (&[Institution, Country], &[Institution, Country]),
        }
    }

    /// The verb phrase of the relation in prose, for a singular or a plural subject
    /// ("is part of", "are part of"): how `kg explain` tells a fact.
    pub fn verb(self, plural: bool) -> &'static str {
        let (one, many) = match self {
            Relation::Sent => ("sent", "sent"),
            Relation::Received => ("received", "received"),
            Relation::Stated => ("said", "said"),
            Relation::DeployedTo => ("was deployed to", "were deployed to"),
            Relation::Leads => ("leads", "lead"),
            Relation::MemberOf => ("is part of", "are part of"),
            Relation::LocatedIn => ("is in", "are in"),
            Relation::Signed => ("signed", "signed"),
            Relation::Fought => ("fought", "fought"),
            Relation::CooperatesWith => ("cooperates with", "cooperate with"),
        };
        if plural { many } else { one }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a string that names no relation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown relation '{0}' (expected one of: {list})", list = Relation::ALL.map(Relation::as_str).join(", "))]
pub struct UnknownRelation(pub String);

impl FromStr for Relation {
    type Err = UnknownRelation;

    /// Accepts the kebab-case name, case-insensitively, with `_` or a space for `-`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Relation::ALL
            .into_iter()
            .find(|r| r.as_str() == wanted)
            .ok_or_else(|| UnknownRelation(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in Relation::ALL {
            assert_eq!(r.as_str().parse::<Relation>(), Ok(r));
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{r}\""));
        }
    }

    /// `ALL`, `COUNT` and `index` come from one list: each relation is in `ALL` once, at
    /// its index (what the snapshot stores in its 4 relation bits).
    #[test]
    fn every_relation_is_in_all_once_at_its_index() {
        assert_eq!(Relation::ALL.len(), Relation::COUNT);
        for (i, r) in Relation::ALL.into_iter().enumerate() {
            assert_eq!(r.index(), i, "{r}");
        }
        let names: std::collections::BTreeSet<_> =
            Relation::ALL.into_iter().map(Relation::as_str).collect();
        assert_eq!(names.len(), Relation::COUNT);
        const { assert!(Relation::COUNT <= 16) };
    }

    #[test]
    fn parse_accepts_underscores_and_case() {
        assert_eq!("Deployed_To".parse::<Relation>(), Ok(Relation::DeployedTo));
        assert!("gave".parse::<Relation>().is_err());
    }

    #[test]
    fn every_relation_has_a_verb_and_kinds() {
        for r in Relation::ALL {
            assert!(!r.verb(false).is_empty() && !r.verb(true).is_empty());
            let (from, to) = r.signature();
            assert!(!from.is_empty() && !to.is_empty(), "{r}");
            if r.is_symmetric() {
                assert_eq!(from, to, "{r}");
            }
        }
        assert_eq!(Relation::Stated.verb(false), "said");
        assert_eq!(Relation::DeployedTo.verb(true), "were deployed to");
    }

    #[test]
    fn only_fought_and_cooperation_are_symmetric() {
        let sym: Vec<_> = Relation::ALL
            .into_iter()
            .filter(|r| r.is_symmetric())
            .collect();
        assert_eq!(sym, [Relation::Fought, Relation::CooperatesWith]);
    }
}
