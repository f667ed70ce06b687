//! Data minimisation for supervisors, as a staff council (Personalrat) signs it: supervisors
//! learn *whether* training is done, never *how well*. An admin chooses per office how much
//! they see; scores, answers, attempt counts, time spent, page views and sign-ins are never
//! among it, at any level.

use serde::{Deserialize, Serialize};

/// Groups smaller than this are not counted on their own at the aggregate level.
pub const MIN_GROUP: usize = 5;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OversightLevel {
    /// Counts per team only; groups under five people are suppressed ("< 5").
    Aggregate,
    /// Per person: status, due date and completion date of each assignment.
    #[default]
    Standard,
    /// As standard, plus whether the final test was passed, for mandatory assignments only.
    Extended,
}

impl OversightLevel {
    pub const ALL: [OversightLevel; 3] = [
        OversightLevel::Aggregate,
        OversightLevel::Standard,
        OversightLevel::Extended,
    ];

    pub fn key(self) -> &'static str {
        match self {
            OversightLevel::Aggregate => "aggregate",
            OversightLevel::Standard => "standard",
            OversightLevel::Extended => "extended",
        }
    }

    pub fn parse(key: &str) -> Result<OversightLevel, String> {
        OversightLevel::ALL
            .into_iter()
            .find(|l| l.key() == key)
            .ok_or_else(|| format!("Unbekannte Auswertungsstufe „{key}“."))
    }

    pub fn label_de(self) -> &'static str {
        match self {
            OversightLevel::Aggregate => "Zusammengefasst",
            OversightLevel::Standard => "Standard",
            OversightLevel::Extended => "Erweitert",
        }
    }

    /// What supervisors of the office see, in plain German (also the annex to a
    /// Dienstvereinbarung on `/admin/auswertung`).
    pub fn description_de(self) -> &'static str {
        match self {
            OversightLevel::Aggregate => {
                "Nur Zahlen je Team: wie viele Personen eine Zuweisung erledigt haben, wie viele \
                 sie bearbeiten und wie viele überfällig sind. Gruppen mit weniger als fünf \
                 Personen werden nicht einzeln ausgewiesen („< 5“). Keine Angaben zu einzelnen Personen."
            }
            OversightLevel::Standard => {
                "Je Person und Zuweisung: Status (nicht begonnen, in Bearbeitung, bald fällig, \
                 überfällig, erledigt, befreit), Fälligkeitsdatum und Datum der Erledigung."
            }
            OversightLevel::Extended => {
                "Wie Standard, zusätzlich bei Pflicht-Zuweisungen, ob der Abschlusstest eines \
                 Moduls bestanden ist (nur „bestanden“ oder „nicht bestanden“, ohne Punkte)."
            }
        }
    }

    /// Supervisors see individual people (status per person).
    pub fn shows_people(self) -> bool {
        self != OversightLevel::Aggregate
    }

    /// Supervisors see "bestanden / nicht bestanden" of a final test.
    pub fn shows_test_outcome(self, mandatory: bool) -> bool {
        self == OversightLevel::Extended && mandatory
    }
}

impl TryFrom<String> for OversightLevel {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        OversightLevel::parse(&value)
    }
}

/// What is never shown to a supervisor, at any level (the annex lists it).
pub const NEVER_SHOWN_DE: &[&str] = &[
    "Punkte oder Prozentwerte in Tests",
    "gegebene Antworten",
    "Zahl der Testversuche",
    "Lernzeit und Zeitpunkte einzelner Lernschritte",
    "aufgerufene Seiten",
    "Zeitpunkt der letzten Anmeldung",
];

/// A count as an aggregate shows it: hidden when the group is smaller than [`MIN_GROUP`].
pub fn group_count(count: usize, group_size: usize) -> String {
    if group_size < MIN_GROUP {
        format!("< {MIN_GROUP}")
    } else {
        count.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_each_level_shows() {
        use OversightLevel::*;
        let cases = [
            (Aggregate, false, false, false),
            (Standard, true, false, false),
            (Extended, true, true, false),
        ];
        for (level, people, mandatory_test, optional_test) in cases {
            assert_eq!(level.shows_people(), people, "{level:?}");
            assert_eq!(level.shows_test_outcome(true), mandatory_test, "{level:?}");
            assert_eq!(level.shows_test_outcome(false), optional_test, "{level:?}");
            assert_eq!(OversightLevel::parse(level.key()), Ok(level));
        }
        assert_eq!(OversightLevel::default(), Standard);
        assert!(OversightLevel::parse("alles").is_err());
    }

    #[test]
    fn small_groups_are_suppressed() {
        assert_eq!(group_count(3, 4), "< 5");
        assert_eq!(group_count(0, 4), "< 5");
        assert_eq!(group_count(3, 5), "3");
        assert_eq!(group_count(12, 40), "12");
    }
}
