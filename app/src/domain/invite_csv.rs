//! Bulk invitations: one person per line, `email;name;team;role` (team may be empty, role
//! defaults to learner). Accepts a header line and `,` as separator as exported by spreadsheets.
//! At most `MAX_ROWS` people per upload: a larger list is refused whole, before any mail goes out.

use super::{DisplayName, Email, Role};

pub const MAX_ROWS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InviteLine {
    pub line: usize,
    pub email: Email,
    pub name: DisplayName,
    /// Team name as typed; matched against the office's teams by the caller.
    pub team: Option<String>,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

/// Parses every line; valid lines and errors are returned together so one typo does not
/// block the rest, and duplicates within the file are reported.
pub fn parse_invite_csv(text: &str) -> (Vec<InviteLine>, Vec<LineError>) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let people = text
        .lines()
        .enumerate()
        .filter(|(i, l)| {
            let t = l.trim().trim_start_matches('\u{feff}');
            !(t.is_empty() || t.starts_with('#') || (*i == 0 && is_header(t)))
        })
        .count();
    if people > MAX_ROWS {
        errors.push(LineError {
            line: 1,
            message: format!(
                "Die Liste enthält {people} Personen; höchstens {MAX_ROWS} sind auf einmal möglich. \
                 Bitte teilen Sie die Liste auf."
            ),
        });
        return (rows, errors);
    }
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim().trim_start_matches('\u{feff}');
        if trimmed.is_empty() || trimmed.starts_with('#') || (index == 0 && is_header(trimmed)) {
            continue;
        }
        let separator = if trimmed.contains(';') { ';' } else { ',' };
        let fields: Vec<&str> = trimmed
            .split(separator)
            .map(|f| f.trim().trim_matches('"').trim())
            .collect();
        match parse_fields(&fields) {
            Ok((email, name, team, role)) => {
                if rows.iter().any(|r: &InviteLine| r.email == email) {
                    errors.push(LineError {
                        line,
                        message: format!("{email} steht mehrfach in der Liste."),
                    });
                } else {
                    rows.push(InviteLine {
                        line,
                        email,
                        name,
                        team,
                        role,
                    });
                }
            }
            Err(message) => errors.push(LineError { line, message }),
        }
    }
    (rows, errors)
}

fn is_header(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower.starts_with("email") || lower.starts_with("e-mail")
}

fn parse_fields(fields: &[&str]) -> Result<(Email, DisplayName, Option<String>, Role), String> {
    if fields.len() < 2 || fields.len() > 4 {
        return Err("Erwartet werden 2 bis 4 Felder: E-Mail;Name;Team;Rolle.".into());
    }
    let email = Email::parse(fields[0])?;
    if fields[1].is_empty() {
        return Err(format!("Für {email} fehlt der Name."));
    }
    let name = DisplayName::parse(fields[1]).map_err(|m| format!("{email}: {m}"))?;
    let team = fields
        .get(2)
        .filter(|t| !t.is_empty())
        .map(|t| (*t).to_owned());
    let role = match fields.get(3).filter(|r| !r.is_empty()) {
        Some(role) => Role::parse(role)?,
        None => Role::Learner,
    };
    Ok((email, name, team, role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines_with_defaults_header_and_comma_separator() {
        let csv =
            "email;name;team;role\na@kreis.de;Anna A.;Einbürgerung;learner\nb@kreis.de, Ben B.\n\n";
        let (rows, errors) = parse_invite_csv(csv);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].team.as_deref(), Some("Einbürgerung"));
        assert_eq!(rows[1].role, Role::Learner);
        assert_eq!(rows[1].team, None);
        assert_eq!(rows[1].line, 3);
    }

    #[test]
    fn bad_lines_are_reported_with_their_number_and_the_rest_is_kept() {
        let csv = "a@kreis.de;Anna\nkeine-mail;Bert\nc@kreis.de;\nd@kreis.de;Dora;;chef\na@kreis.de;Anna doppelt";
        let (rows, errors) = parse_invite_csv(csv);
        assert_eq!(rows.len(), 1);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5]);
        assert!(errors[0].message.contains("keine gültige E-Mail-Adresse"));
        assert!(errors[2].message.contains("Unbekannte Rolle"));
        assert!(errors[3].message.contains("mehrfach"));
    }

    #[test]
    fn names_with_links_and_lists_over_the_cap_are_refused() {
        let (rows, errors) = parse_invite_csv("a@kreis.de;Anna www.evil.example");
        assert!(
            rows.is_empty() && errors[0].message.contains("Internetadresse"),
            "{errors:?}"
        );
        let long: String = (0..=MAX_ROWS)
            .map(|i| format!("p{i}@kreis.de;Person {i}\n"))
            .collect();
        let (rows, errors) = parse_invite_csv(&long);
        assert!(rows.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("höchstens 200"), "{errors:?}");
        let ok: String = (0..MAX_ROWS)
            .map(|i| format!("p{i}@kreis.de;Person {i}\n"))
            .collect();
        assert_eq!(parse_invite_csv(&ok).0.len(), MAX_ROWS);
    }
}
