//! [`Relation`]: the typed, directed link a fact states between two entities.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A relation, directed subject → object. Serialized in kebab-case (`"deployed-to"`).
///
/// | relation | subject | object |
/// |---|---|---|
/// | sent | giver | what was sent |
/// | received | recipient | what was received |
/// | stated | speaker (person, institution) | statement |
/// | deployed-to | group | place or country |
/// | leads | person | institution or country it heads |
/// | member-of | person, group, institution | institution or country |
/// | located-in | institution, place | place, country |
/// | signed | party | agreement |
/// | fought | group, country | group, country (symmetric) |
/// | cooperates-with | institution, country | institution, country (symmetric) |
///
/// To add a relation: add a variant here, to [`Relation::ALL`] and [`Relation::as_str`];
/// the rest of kg (parsing, exports, help text) follows from those.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Sent,
    Received,
    Stated,
    DeployedTo,
    Leads,
    MemberOf,
    LocatedIn,
    Signed,
    Fought,
    CooperatesWith,
}

impl Relation {
    /// Every relation, in documentation order.
    pub const ALL: [Relation; 10] = [
        Relation::Sent,
        Relation::Received,
        Relation::Stated,
        Relation::DeployedTo,
        Relation::Leads,
        Relation::MemberOf,
        Relation::LocatedIn,
        Relation::Signed,
        Relation::Fought,
        Relation::CooperatesWith,
    ];

    /// The name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Sent => "sent",
            Relation::Received => "received",
            Relation::Stated => "stated",
            Relation::DeployedTo => "deployed-to",
            Relation::Leads => "leads",
            Relation::MemberOf => "member-of",
            Relation::LocatedIn => "located-in",
            Relation::Signed => "signed",
            Relation::Fought => "fought",
            Relation::CooperatesWith => "cooperates-with",
        }
    }

    /// True when `a R b` says the same as `b R a` (fought, cooperates-with).
    pub fn is_symmetric(self) -> bool {
        matches!(self, Relation::Fought | Relation::CooperatesWith)
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

    #[test]
    fn parse_accepts_underscores_and_case() {
        assert_eq!("Deployed_To".parse::<Relation>(), Ok(Relation::DeployedTo));
        assert!("gave".parse::<Relation>().is_err());
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
