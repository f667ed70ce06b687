//! Load time of a large generated course. Only meaningful in release builds, so it is ignored
//! by default; run it with
//! `cargo test -p app --features ssr --release content::tests::perf -- --ignored --nocapture`.

use std::path::Path;
use std::time::{Duration, Instant};

use super::support::{today, write, MODULE, QUIZ, TRACK};
use crate::content::{counts, load_dir};

const MODULES: usize = 20;
const LESSONS_PER_MODULE: usize = 50;

fn lesson_text(module: usize, lesson: usize) -> String {
    let next = if lesson < LESSONS_PER_MODULE {
        lesson + 1
    } else {
        1
    };
    let paragraph = "Die Ausländerbehörde prüft nach § 5 Abs. 1 Nr. 1a AufenthG die Identität und nach \
                     § 81 Abs. 4 Satz 1 AufenthG die Fortgeltung des Titels; Einzelheiten regelt § 39 BeschV. \
                     Beachten Sie **Fristen**, *Zuständigkeiten* und die Dokumentation in der Akte.";
    let mut text = format!(
        "+++\ntitle = \"Lektion {module}.{lesson}\"\nminutes = 10\n+++\n\n## Lernziele\n\n"
    );
    for section in 0..6 {
        text.push_str(&format!(
            "## Abschnitt {section}\n\n{paragraph}\n\n{paragraph}\n\n"
        ));
    }
    text.push_str("> [!TIP]\n> Praxistipp mit § 4 AufenthG.\n\n| Titel | Norm |\n|---|---|\n| Visum | § 6 AufenthG |\n\n");
    text.push_str(&format!(
        "- [ ] Weiter mit [der nächsten Lektion]({next:03}-l{next}.md)\n"
    ));
    text
}

fn generate(root: &Path) {
    write(root, "gross/track.md", TRACK);
    for m in 1..=MODULES {
        write(root, &format!("gross/{m:02}-m{m}/module.md"), MODULE);
        write(root, &format!("gross/{m:02}-m{m}/quiz.md"), QUIZ);
        for l in 1..=LESSONS_PER_MODULE {
            write(
                root,
                &format!("gross/{m:02}-m{m}/{l:03}-l{l}.md"),
                &lesson_text(m, l),
            );
        }
    }
}

#[test]
#[ignore = "timing test; run in release with --ignored"]
fn loading_1000_generated_lessons_is_fast() {
    let dir = tempfile::tempdir().expect("tempdir");
    generate(dir.path());
    let started = Instant::now();
    let r = load_dir(dir.path(), today());
    let elapsed = started.elapsed();
    let c = counts(&r.course);
    println!(
        "load_dir of {} lessons ({} words): {elapsed:?}",
        c.lessons, c.words
    );
    assert!(!r.has_errors(), "{:?}", r.problems.first());
    assert_eq!(c.lessons, MODULES * LESSONS_PER_MODULE);
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(60)
    } else {
        Duration::from_secs(2)
    };
    assert!(elapsed < limit, "took {elapsed:?}");
}
