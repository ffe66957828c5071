//! [`Kind`]: what sort of thing an entity is.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The kind of an entity. Serialized in lowercase (`"person"`).
///
/// | kind | what it covers |
/// |---|---|
/// | person | a named human being |
/// | institution | an organisation: ministry, zoo, agency, newspaper, army command |
/// | country | a sovereign state |
/// | place | a city, region or site |
/// | animal | a species or breed, as a singular common noun ("brown bear") |
/// | group | troops, forces, delegations: people acting together |
/// | agreement | a pact, treaty or deal |
/// | statement | a quoted or reported claim; its name is the claim, shortened |
/// | thing | goods, weapons, anything else that is sent or received |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Institution,
    Country,
    Place,
    Animal,
    Group,
    Agreement,
    Statement,
    Thing,
}

impl Kind {
    /// Every kind, in documentation order.
    pub const ALL: [Kind; 9] = [
        Kind::Person,
        Kind::Institution,
        Kind::Country,
        Kind::Place,
        Kind::Animal,
        Kind::Group,
        Kind::Agreement,
        Kind::Statement,
        Kind::Thing,
    ];

    /// The name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Institution => "institution",
            Kind::Country => "country",
            Kind::Place => "place",
            Kind::Animal => "animal",
            Kind::Group => "group",
            Kind::Agreement => "agreement",
            Kind::Statement => "statement",
            Kind::Thing => "thing",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a string that names no kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind '{0}' (expected one of: {list})", list = Kind::ALL.map(Kind::as_str).join(", "))]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>(), Ok(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{k}\""));
        }
    }

    #[test]
    fn parse_ignores_case_and_rejects_unknown() {
        assert_eq!("Person".parse::<Kind>(), Ok(Kind::Person));
        let err = "planet".parse::<Kind>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown kind 'planet' (expected one of: person, institution, country, place, animal, group, agreement, statement, thing)"
        );
    }
}
