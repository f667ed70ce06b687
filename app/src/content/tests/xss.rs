//! Known XSS payloads through every rendered field: lesson bodies, quiz prompts, details,
//! options, hints and explanations.

use std::sync::LazyLock;

use regex::Regex;

use super::support::load_with;
use crate::content::markdown::Ctx;
use crate::content::{quiz, render_preview, Answer, Level, QuizState};

const PAYLOADS: [&str; 19] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "![x](data:text/html;base64,PHNjcmlwdD4=)",
    "<form action=x><button formaction=javascript:alert(1)>x</button></form>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<abbr title=\"x\" onclick=alert(1) style=\"color:red\">x</abbr> <kbd onmouseover=alert(1)>k</kbd>",
];

static ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?").expect("regex"));
static HANDLER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)on[a-z]+\s*=").expect("regex"));
static FORBIDDEN_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)<\s*/?\s*(script|iframe|object|embed|svg|math|base|meta|form|style|button|input)\b",
    )
    .expect("regex")
});

fn decode_entities(html: &str) -> String {
    ENTITY
        .replace_all(html, |c: &regex::Captures<'_>| {
            let name = c[1].to_ascii_lowercase();
            let decoded = if let Some(hex) = name.strip_prefix("#x") {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match name.as_str() {
                    "colon" => Some(':'),
                    "tab" => Some('\t'),
                    "newline" => Some('\n'),
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    _ => None,
                }
            };
            decoded.map_or_else(|| c[0].to_owned(), String::from)
        })
        .into_owned()
}

#[track_caller]
fn assert_safe(html: &str, context: &str) {
    let decoded = decode_entities(html);
    let squeezed: String = decoded
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let lower = squeezed.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{context}: script in {html}");
    assert!(
        !lower.contains("javascript:"),
        "{context}: javascript: in {html}"
    );
    assert!(
        !lower.contains("data:text"),
        "{context}: data: URL in {html}"
    );
    assert!(
        !HANDLER.is_match(html) && !HANDLER.is_match(&decoded),
        "{context}: event handler in {html}"
    );
    assert!(
        !FORBIDDEN_TAG.is_match(&decoded),
        "{context}: forbidden element in {html}"
    );
    assert!(
        !lower.contains("style="),
        "{context}: style attribute in {html}"
    );
    assert!(
        !lower.contains("xlink:href") && !lower.contains("formaction"),
        "{context}: {html}"
    );
}

#[test]
fn payloads_in_lesson_bodies_are_neutralised() {
    for payload in PAYLOADS {
        let body = format!("Vorher\n\n{payload}\n\nMitten {payload} im Satz.\n\n- {payload}\n\n> [!NOTE]\n> {payload}\n\n| {payload} |\n|---|\n");
        let (html, _) = render_preview("v.md", &body);
        assert_safe(&html, &format!("preview of {payload:?}"));
        let r = load_with(
            "t/01-m/01-a.md",
            &format!("+++\ntitle = \"x\"\nminutes = 3\n+++\n{body}"),
        );
        let lesson = r.course.tracks[0].modules[0]
            .lessons
            .iter()
            .find(|l| l.slug == "a");
        match lesson {
            Some(l) => assert_safe(&l.body_html, &format!("lesson with {payload:?}")),
            // `java<TAB>script:` has no valid scheme, so it is a (dead) relative link: an error.
            None => assert!(
                r.problems
                    .iter()
                    .all(|p| p.level == Level::Warning || p.message.contains("Verweis")),
                "lesson with {payload:?} broken for another reason: {:?}",
                r.problems
            ),
        }
    }
}

#[test]
fn payloads_in_every_quiz_field_are_neutralised() {
    for payload in PAYLOADS {
        let body = format!(
            "## Frage {payload}\n\nFall: {payload}\n\n- [(X)] {payload}\n- [( )] b\n\n[[?]] {payload}\n\n*****\n{payload}\n*****\n"
        );
        let (questions, _) = quiz::parse(
            &Ctx {
                file: "q.md",
                links: None,
            },
            &body,
            4,
            1,
        );
        assert_eq!(questions.len(), 1, "{payload:?}");
        let q = &questions[0];
        let Answer::Single(options) = &q.answer else {
            panic!("{payload:?}")
        };
        let mut fields = vec![
            &q.prompt_html,
            &q.details_html,
            &q.explanation_html,
            &options[0].text_html,
        ];
        fields.extend(&q.hints);
        for html in fields {
            assert_safe(html, &format!("quiz field with {payload:?}"));
        }
    }
}

#[test]
fn a_whole_quiz_with_payloads_loads_and_stays_safe() {
    let body: String = PAYLOADS
        .iter()
        .filter(|p| !p.contains("&#x09;"))
        .map(|p| format!("## {p}\n- [[X]] {p}\n[[?]] {p}\n*****\n{p}\n*****\n\n"))
        .collect();
    let r = load_with(
        "t/01-m/quiz.md",
        &format!("+++\ntitle = \"Q\"\n+++\n{body}"),
    );
    let QuizState::Present(quiz) = &r.course.tracks[0].modules[0].quiz else {
        panic!("quiz should load with warnings only: {:?}", r.problems)
    };
    let json = serde_json::to_string(&quiz.questions).expect("json");
    assert_safe(&json.replace("\\\"", "\""), "quiz json");
}

#[test]
fn the_test_detector_itself_catches_unsanitised_markup() {
    let caught =
        std::panic::catch_unwind(|| assert_safe("<a href=\"java&#x09;script&colon;x\">", "probe"));
    assert!(caught.is_err());
    let caught = std::panic::catch_unwind(|| assert_safe("<img src=x ONERROR=y>", "probe"));
    assert!(caught.is_err());
}
