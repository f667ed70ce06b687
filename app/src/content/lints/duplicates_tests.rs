//! Table tests of the near-duplicate measure and its reporting.

use std::time::Instant;

use super::*;

/// `n` distinct words "w0 w1 …", with `changed` positions replaced.
fn text(n: usize, offset: usize, changed: &[usize]) -> String {
    (0..n)
        .map(|i| {
            if changed.contains(&i) {
                format!("anders{i}")
            } else {
                format!("w{}", i + offset)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn doc(file: &str, paragraphs: &[(u32, String)]) -> Doc {
    Doc {
        file: file.to_owned(),
        paragraphs: paragraphs.to_vec(),
    }
}

fn reported(docs: &[Doc]) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = check(docs).into_iter().map(|p| (p.file, p.line)).collect();
    out.sort();
    out
}

#[test]
fn near_copies_are_reported_in_both_lessons_and_different_texts_are_not() {
    let base = text(45, 0, &[]);
    // (other paragraph, reported?)
    let table: Vec<(String, bool)> = vec![
        (base.clone(), true),
        (base.to_uppercase().replace(' ', ", "), true),
        (text(45, 0, &[10]), true),
        (text(45, 0, &[5, 20, 35]), true),
        (
            format!("Vorweg ein Satz. {base} Und danach noch einer."),
            true,
        ),
        (text(45, 0, &[4, 9, 14, 19, 24, 29, 34, 39]), false),
        (text(45, 100, &[]), false),
        (text(30, 0, &[]), false),
    ];
    for (other, expected) in table {
        let docs = [
            doc("a.md", &[(3, base.clone())]),
            doc("b.md", &[(7, other.clone())]),
        ];
        let got = reported(&docs);
        assert_eq!(
            got.iter().any(|(f, l)| f == "a.md" && *l == 3),
            expected,
            "{other}"
        );
    }
}

#[test]
fn the_message_points_at_the_other_lesson_and_counts_further_ones() {
    let p = text(50, 0, &[]);
    let docs = [
        doc("a.md", &[(3, p.clone())]),
        doc("b.md", &[(9, p.clone())]),
        doc("c.md", &[(4, text(50, 0, &[7]))]),
    ];
    let problems = check(&docs);
    let a = problems
        .iter()
        .find(|p| p.file == "a.md")
        .expect("a.md reported");
    assert!(a.message.contains("(50 Wörter)"), "{}", a.message);
    assert!(
        a.message.contains("b.md:9 und in 1 weiteren Lektionen"),
        "{}",
        a.message
    );
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn repeats_within_one_lesson_and_short_paragraphs_are_not_reported() {
    let long = text(45, 0, &[]);
    let short = text(25, 0, &[]);
    let docs = [
        doc("a.md", &[(3, long.clone()), (9, long)]),
        doc("b.md", &[(2, short.clone())]),
        doc("c.md", &[(5, short)]),
    ];
    assert_eq!(reported(&docs), Vec::<(String, u32)>::new());
}

#[test]
fn twelve_thousand_paragraphs_are_checked_quickly() {
    // 1,000 lessons of 12 paragraphs: half shared boilerplate, half unique.
    let docs: Vec<Doc> = (0..1000)
        .map(|l| {
            let paragraphs: Vec<(u32, String)> = (0..12)
                .map(|p| {
                    let offset = if p % 2 == 0 {
                        p * 100
                    } else {
                        10_000 + l * 100 + p
                    };
                    (u32::try_from(p).unwrap_or(0) * 4 + 1, text(45, offset, &[]))
                })
                .collect();
            doc(&format!("l{l}.md"), &paragraphs)
        })
        .collect();
    let started = Instant::now();
    let problems = check(&docs);
    let elapsed = started.elapsed();
    assert_eq!(problems.len(), 6_000);
    let limit = if cfg!(debug_assertions) { 20 } else { 2 };
    assert!(elapsed.as_secs() < limit, "took {elapsed:?}");
}
