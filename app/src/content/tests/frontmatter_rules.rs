//! Front matter: fences, TOML syntax, unknown/missing/mistyped keys, dates and sources.

use super::support::{assert_problem, load_with, MODULE};
use crate::content::{Level, QuizState};

const LESSON_FILE: &str = "t/01-m/01-a.md";
const MODULE_FILE: &str = "t/01-m/module.md";

#[test]
fn a_file_not_starting_with_plus_fence_is_an_error_at_line_1() {
    let r = load_with(LESSON_FILE, "title = \"x\"\n+++\nText\n");
    assert_problem(
        &r,
        LESSON_FILE,
        1,
        Level::Error,
        "muss mit einer Zeile „+++“ beginnen",
    );
}

#[test]
fn an_unclosed_front_matter_is_an_error_at_line_1() {
    let r = load_with(LESSON_FILE, "+++\ntitle = \"x\"\nminutes = 3\n\nText\n");
    assert_problem(&r, LESSON_FILE, 1, Level::Error, "nicht abgeschlossen");
}

#[test]
fn a_toml_syntax_error_is_reported_at_its_line() {
    let r = load_with(
        LESSON_FILE,
        "+++\ntitle = \"x\"\nminutes = = 3\n+++\nText\n",
    );
    assert_problem(
        &r,
        LESSON_FILE,
        3,
        Level::Error,
        "kein gültiges TOML (ein Gleichheitszeichen zu viel)",
    );
    let r = load_with(
        LESSON_FILE,
        "+++\nminutes = 3\ntitle = Ohne Anführungszeichen\n+++\nText\n",
    );
    assert_problem(
        &r,
        LESSON_FILE,
        3,
        Level::Error,
        "Texte müssen in Anführungszeichen stehen",
    );
}

#[test]
fn an_unknown_key_is_an_error_at_its_line_naming_the_allowed_keys() {
    let r = load_with(
        LESSON_FILE,
        "+++\ntitle = \"x\"\nminutes = 3\nautor = \"A\"\n+++\nText\n",
    );
    assert_problem(
        &r,
        LESSON_FILE,
        4,
        Level::Error,
        "Unbekannter Schlüssel „autor“",
    );
    assert_problem(
        &r,
        LESSON_FILE,
        4,
        Level::Error,
        "erlaubt sind: title, minutes",
    );
}

#[test]
fn a_missing_key_is_an_error_at_the_opening_fence() {
    let r = load_with(LESSON_FILE, "+++\ntitle = \"x\"\n+++\nText\n");
    assert_problem(
        &r,
        LESSON_FILE,
        1,
        Level::Error,
        "Pflichtangabe „minutes“ fehlt",
    );
    assert_problem(&r, LESSON_FILE, 1, Level::Error, "ganze Zahl größer als 0");
}

#[test]
fn a_wrong_type_names_key_and_expected_type_at_the_key_line() {
    let r = load_with(
        LESSON_FILE,
        "+++\ntitle = \"x\"\nminutes = \"zehn\"\n+++\nText\n",
    );
    assert_problem(
        &r,
        LESSON_FILE,
        3,
        Level::Error,
        "„minutes“ muss eine ganze Zahl größer als 0",
    );
    assert_problem(&r, LESSON_FILE, 3, Level::Error, "gefunden: Zeichenkette");
    let r = load_with(LESSON_FILE, "+++\ntitle = 5\nminutes = 3\n+++\nText\n");
    assert_problem(
        &r,
        LESSON_FILE,
        2,
        Level::Error,
        "„title“ muss eine Zeichenkette",
    );
}

#[test]
fn minutes_must_be_positive() {
    let r = load_with(LESSON_FILE, "+++\ntitle = \"x\"\nminutes = 0\n+++\nText\n");
    assert_problem(&r, LESSON_FILE, 3, Level::Error, "größer als 0");
}

#[test]
fn an_empty_title_is_an_error() {
    let r = load_with(LESSON_FILE, "+++\ntitle = \"  \"\nminutes = 3\n+++\nText\n");
    assert_problem(
        &r,
        LESSON_FILE,
        2,
        Level::Error,
        "„title“ darf nicht leer sein",
    );
}

#[test]
fn track_order_is_required_and_an_integer() {
    let r = load_with(
        "t/track.md",
        "+++\ntitle = \"T\"\nsummary = \"S\"\norder = 1.5\n+++\n",
    );
    assert_problem(
        &r,
        "t/track.md",
        4,
        Level::Error,
        "„order“ muss eine ganze Zahl",
    );
    assert_eq!(r.course.broken_tracks, vec!["t".to_owned()]);
}

#[test]
fn quiz_pass_percent_must_be_between_1_and_100() {
    let quiz = "+++\ntitle = \"Q\"\npass_percent = 101\n+++\n## F?\n- [(X)] a\n*****\nE\n*****\n";
    let r = load_with("t/01-m/quiz.md", quiz);
    assert_problem(&r, "t/01-m/quiz.md", 3, Level::Error, "von 1 bis 100");
}

#[test]
fn quiz_pass_percent_defaults_to_80() {
    let r = load_with(
        "t/01-m/quiz.md",
        "+++\ntitle = \"Q\"\n+++\n## F?\n- [(X)] a\n*****\nE\n*****\n",
    );
    let quiz = match &r.course.tracks[0].modules[0].quiz {
        QuizState::Present(q) => q.clone(),
        other => panic!("quiz not loaded: {other:?}"),
    };
    assert_eq!(quiz.pass_percent, 80);
    assert_eq!(quiz.title, "Q");
}

#[test]
fn a_quoted_date_is_a_type_error() {
    let text = MODULE.replace("legal_status = 2026-01-01", "legal_status = \"2026-01-01\"");
    let r = load_with(MODULE_FILE, &text);
    assert_problem(
        &r,
        MODULE_FILE,
        5,
        Level::Error,
        "„legal_status“ muss ein Datum ohne Anführungszeichen",
    );
    assert_eq!(r.course.tracks[0].broken_modules, vec!["m".to_owned()]);
}

#[test]
fn a_date_with_time_is_a_type_error() {
    let text = MODULE.replace("review_by = 2026-12-15", "review_by = 2026-12-15T10:00:00");
    let r = load_with(MODULE_FILE, &text);
    assert_problem(
        &r,
        MODULE_FILE,
        6,
        Level::Error,
        "„review_by“ muss ein Datum",
    );
}

#[test]
fn legal_status_after_review_by_is_an_error_at_legal_status() {
    let text = MODULE.replace("legal_status = 2026-01-01", "legal_status = 2027-01-01");
    let r = load_with(MODULE_FILE, &text);
    assert_problem(
        &r,
        MODULE_FILE,
        5,
        Level::Error,
        "liegt nach dem Überprüfungsdatum review_by",
    );
}

#[test]
fn review_by_in_the_past_is_a_warning_at_review_by() {
    let text = MODULE.replace("review_by = 2026-12-15", "review_by = 2026-02-01");
    let r = load_with(MODULE_FILE, &text);
    assert_problem(
        &r,
        MODULE_FILE,
        6,
        Level::Warning,
        "Überprüfungsdatum 01.02.2026 liegt in der Vergangenheit – bitte Inhalt fachlich prüfen und review_by aktualisieren",
    );
    assert!(!r.has_errors());
    assert_eq!(r.course.tracks[0].modules.len(), 1);
}

#[test]
fn module_sources_are_required() {
    let end = MODULE.find("\n[[sources]]").unwrap_or(MODULE.len());
    let text = format!("{}\n+++\nText\n", &MODULE[..end]);
    let r = load_with(MODULE_FILE, &text);
    assert_problem(
        &r,
        MODULE_FILE,
        1,
        Level::Error,
        "Pflichtangabe „sources“ fehlt",
    );
}

#[test]
fn an_empty_sources_list_is_an_error() {
    let end = MODULE.find("\n[[sources]]").unwrap_or(MODULE.len());
    let text = format!("{}\nsources = []\n+++\nText\n", &MODULE[..end]);
    let r = load_with(MODULE_FILE, &text);
    assert_problem(&r, MODULE_FILE, 8, Level::Error, "mindestens eine Quelle");
}

#[test]
fn a_source_without_title_or_with_a_bad_url_is_an_error() {
    let text = MODULE.replace("title = \"§ 4 AufenthG\"\n", "");
    let r = load_with(MODULE_FILE, &text);
    assert_problem(
        &r,
        MODULE_FILE,
        8,
        Level::Error,
        "Quelle Nr. 1 hat keinen Titel",
    );
    let text = MODULE.replace(
        "https://www.gesetze-im-internet.de",
        "javascript:alert(1)//",
    );
    let r = load_with(MODULE_FILE, &text);
    assert_problem(
        &r,
        MODULE_FILE,
        10,
        Level::Error,
        "„url“ muss mit http:// oder https:// beginnen",
    );
    let text = MODULE.replace("url = ", "link = ");
    let r = load_with(MODULE_FILE, &text);
    assert_problem(
        &r,
        MODULE_FILE,
        10,
        Level::Error,
        "Unbekannter Schlüssel „link“",
    );
}

#[test]
fn sources_are_read_with_optional_url() {
    let text = MODULE.replace(
        "+++\n\nModultext",
        "\n[[sources]]\ntitle = \"Glossar\"\n+++\n\nModultext",
    );
    let r = load_with(MODULE_FILE, &text);
    assert!(!r.has_errors(), "{:?}", r.problems);
    let sources = &r.course.tracks[0].modules[0].sources;
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[1].title, "Glossar");
    assert_eq!(sources[1].url, None);
    assert!(sources[0]
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://")));
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_are_tolerated() {
    let r = load_with(
        LESSON_FILE,
        "\u{feff}+++\r\ntitle = \"x\"\r\nminutes = 3\r\n+++\r\n\r\nText\r\n",
    );
    assert!(!r.has_errors(), "{:?}", r.problems);
}
