//! Roles a user can hold, and the Länder an office can belong to.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Learner,
    Trainer,
    Supervisor,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Learner, Role::Trainer, Role::Supervisor, Role::Admin];

    /// The stable key stored in the database and used in CSV imports.
    pub fn key(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Trainer => "trainer",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    pub fn label_de(self) -> &'static str {
        match self {
            Role::Learner => "Lernende",
            Role::Trainer => "Trainer/in",
            Role::Supervisor => "Führungskraft",
            Role::Admin => "Administration",
        }
    }

    /// Accepts the stable key or the German label, case-insensitively.
    pub fn parse(input: &str) -> Result<Role, String> {
        let wanted = input.trim().to_lowercase();
        Role::ALL
            .into_iter()
            .find(|r| r.key() == wanted || r.label_de().to_lowercase() == wanted)
            .ok_or_else(|| {
                format!(
                    "Unbekannte Rolle „{}“. Erlaubt: learner, trainer, supervisor, admin.",
                    input.trim()
                )
            })
    }
}

impl TryFrom<String> for Role {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Role::parse(&value)
    }
}

/// The Land whose law and administration an office follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Land {
    BadenWuerttemberg,
    RheinlandPfalz,
    Hessen,
    Other,
}

impl Land {
    pub fn key(self) -> &'static str {
        match self {
            Land::BadenWuerttemberg => "BW",
            Land::RheinlandPfalz => "RP",
            Land::Hessen => "HE",
            Land::Other => "OTHER",
        }
    }

    pub fn name_de(self) -> &'static str {
        match self {
            Land::BadenWuerttemberg => "Baden-Württemberg",
            Land::RheinlandPfalz => "Rheinland-Pfalz",
            Land::Hessen => "Hessen",
            Land::Other => "anderes Land",
        }
    }

    pub fn parse(input: &str) -> Result<Land, String> {
        match input.trim().to_uppercase().as_str() {
            "BW" => Ok(Land::BadenWuerttemberg),
            "RP" | "RLP" => Ok(Land::RheinlandPfalz),
            "HE" => Ok(Land::Hessen),
            "OTHER" => Ok(Land::Other),
            _ => Err(format!(
                "Unbekanntes Land „{}“. Erlaubt: BW, RP, HE, OTHER.",
                input.trim()
            )),
        }
    }
}

impl TryFrom<String> for Land {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Land::parse(&value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_round_trips_through_its_key_and_accepts_german_labels() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.key()), Ok(role));
        }
        assert_eq!(Role::parse(" Führungskraft "), Ok(Role::Supervisor));
        assert!(Role::parse("superuser").unwrap_err().contains("superuser"));
    }

    #[test]
    fn land_accepts_rlp_as_alias() {
        assert_eq!(Land::parse("rlp"), Ok(Land::RheinlandPfalz));
        assert!(Land::parse("NRW").is_err());
    }
}
