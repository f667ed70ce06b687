//! Password rules after current BSI guidance: length over composition rules, and no passwords
//! that are common or easy to guess. Guessability is zxcvbn's estimate, which knows the 30,000
//! passwords seen most often in breaches, names, words, keyboard walks, dates and repeats; a
//! short German list adds what an English-trained estimator misses.

/// Minimum length in characters (not bytes).
pub const MIN_PASSWORD_CHARS: usize = 12;
const MAX_PASSWORD_CHARS: usize = 256;

/// German passwords seen often in leaks (lowercase), long enough to pass the length rule.
const COMMON_PASSWORDS: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678901234",
    "qwertzuiopü",
    "qwertzuiop123",
    "qwertyuiop123",
    "passwort1234",
    "passwort12345",
    "password1234",
    "password12345",
    "passwort123456",
    "password123456",
    "hallohallo12",
    "sommer202020",
    "winter202020",
    "iloveyou1234",
    "einstein1234",
    "schalke04schalke",
    "borussia1909",
    "fussball1234",
    "1q2w3e4r5t6z",
    "1q2w3e4r5t6y",
    "asdfghjklöä",
    "asdfghjkl123",
    "geheim123456",
    "willkommen12",
    "willkommen123",
    "willkommen1234",
    "lotse1234567",
    "ausländerbehörde",
    "auslaenderbehoerde",
    "aaaaaaaaaaaa",
    "111111111111",
    "000000000000",
    "abcdefghijkl",
    "abc123abc123",
    "letmein12345",
    "administrator",
    "administrator1",
    "changeme1234",
];

/// Why a new password was refused; `code` travels in redirect URLs, `message` is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
    Personal,
    Mismatch,
}

impl PasswordProblem {
    pub const ALL: [PasswordProblem; 5] = [
        PasswordProblem::TooShort,
        PasswordProblem::TooLong,
        PasswordProblem::Common,
        PasswordProblem::Personal,
        PasswordProblem::Mismatch,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "zu-kurz",
            PasswordProblem::TooLong => "zu-lang",
            PasswordProblem::Common => "verbreitet",
            PasswordProblem::Personal => "persoenlich",
            PasswordProblem::Mismatch => "ungleich",
        }
    }

    pub fn from_code(code: &str) -> Option<PasswordProblem> {
        PasswordProblem::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn message(self) -> String {
        match self {
            PasswordProblem::TooShort => format!(
                "Das Passwort muss mindestens {MIN_PASSWORD_CHARS} Zeichen lang sein. \
                 Tipp: Mehrere Wörter ergeben ein langes, gut merkbares Passwort."
            ),
            PasswordProblem::TooLong => {
                format!("Das Passwort darf höchstens {MAX_PASSWORD_CHARS} Zeichen lang sein.")
            }
            PasswordProblem::Common => "Dieses Passwort ist zu verbreitet und leicht zu erraten. \
                                        Bitte wählen Sie ein anderes."
                .into(),
            PasswordProblem::Personal => {
                "Das Passwort darf nicht aus Ihrem Namen oder Ihrer E-Mail-Adresse bestehen.".into()
            }
            PasswordProblem::Mismatch => "Die beiden Passwörter stimmen nicht überein.".into(),
        }
    }
}

impl std::fmt::Display for PasswordProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// Checks a new password. `context` holds words the password must not simply be (email, name).
pub fn check_new_password(password: &str, context: &[&str]) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lowered = password.to_lowercase();
    if COMMON_PASSWORDS.contains(&lowered.as_str())
        || is_single_repeated_char(&lowered)
        || guessable(password, context)
    {
        return Err(PasswordProblem::Common);
    }
    let local_part = |s: &str| s.split('@').next().unwrap_or(s).to_lowercase();
    if context
        .iter()
        .map(|c| local_part(c))
        .any(|c| !c.is_empty() && (lowered == c || lowered == c.repeat(2)))
    {
        return Err(PasswordProblem::Personal);
    }
    Ok(())
}

/// Only zxcvbn's top score (4, more than 10^10 guesses) passes: with twelve characters required
/// that is what any passphrase reaches, while patterns like "Sommer2024!!" (score 3) do not.
/// Names and emails of the account count as known words.
#[cfg(feature = "ssr")]
fn guessable(password: &str, context: &[&str]) -> bool {
    zxcvbn::zxcvbn(password, context).score() < zxcvbn::Score::Four
}

/// Passwords are only ever checked on the server.
#[cfg(not(feature = "ssr"))]
fn guessable(_password: &str, _context: &[&str]) -> bool {
    false
}

fn is_single_repeated_char(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|first| chars.all(|c| c == first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused_with_a_german_hint() {
        let err = check_new_password("kurz123", &[]).unwrap_err();
        assert_eq!(err, PasswordProblem::TooShort);
        assert!(err.message().contains("mindestens 12 Zeichen"));
        assert_eq!(PasswordProblem::from_code(err.code()), Some(err));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(check_new_password("ääääääbbbbb", &[]).is_err()); // 11 chars, 17 bytes
        assert!(check_new_password("äöü Brücke Fähre", &[]).is_ok());
    }

    #[test]
    fn common_and_trivial_passwords_are_refused() {
        assert!(check_new_password("Passwort1234", &[]).is_err());
        assert!(check_new_password("zzzzzzzzzzzzzz", &[]).is_err());
    }

    #[test]
    fn breached_and_pattern_passwords_beyond_the_german_list_are_refused() {
        // Long enough for the length rule, not on the German list, but well known or patterned.
        for weak in [
            "password1234567",
            "qwertyuiop12",
            "Sommer2024!!",
            "1qaz2wsx3edc",
            "abcdabcdabcd",
            "football1234",
        ] {
            assert_eq!(
                check_new_password(weak, &[]),
                Err(PasswordProblem::Common),
                "{weak}"
            );
        }
        assert_eq!(
            check_new_password(
                "anna.schmidt2026",
                &["anna.schmidt@kreis.de", "Anna Schmidt"]
            ),
            Err(PasswordProblem::Common)
        );
    }

    #[test]
    fn passwords_equal_to_the_email_local_part_are_refused() {
        assert!(check_new_password("anna.schmidt.lra", &["anna.schmidt.lra@kreis.de"]).is_err());
    }

    #[test]
    fn no_composition_rules_are_imposed() {
        assert!(check_new_password("pferd batterie heftklammer", &["anna@kreis.de"]).is_ok());
    }
}
