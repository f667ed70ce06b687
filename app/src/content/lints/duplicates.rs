//! A paragraph of at least 40 words that appears (nearly) verbatim in another lesson: teach it
//! once and link to it.
//!
//! Measure: the paragraph's words (lower case, letters and digits only) are cut into
//! overlapping 4-word shingles; it counts as copied into another paragraph when at least 70 %
//! of its shingles occur there (containment, so a copy embedded in a longer paragraph is found
//! too). One changed word costs at most four shingles, so a 40-word paragraph with up to three
//! scattered edits is still found, while two texts on the same topic share only a few
//! shingles. Identical paragraphs are grouped first and an inverted index finds candidates, so
//! the check stays near-linear for 1,000 lessons.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::content::model::Problem;
use crate::content::problems::warning;

pub(crate) const MIN_WORDS: usize = 40;
const SHINGLE: usize = 4;
/// Containment threshold as a fraction (70 %).
const SHARED: (usize, usize) = (7, 10);
/// Shingles found in more groups than this are boilerplate; skipping them bounds the work.
const COMMON: usize = 200;

/// One lesson: its path (relative to the content folder) and `(line, text)` per paragraph.
pub(crate) struct Doc {
    pub file: String,
    pub paragraphs: Vec<(u32, String)>,
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn shingles(words: &[String]) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Paragraphs with the same shingle set, and where they are: `(doc, line, words)`.
struct Group {
    shingles: Vec<u64>,
    members: Vec<(usize, u32, usize)>,
}

fn groups(docs: &[Doc]) -> Vec<Group> {
    let mut by_set: HashMap<Vec<u64>, usize> = HashMap::new();
    let mut out: Vec<Group> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (line, text) in &doc.paragraphs {
            let words = words(text);
            let set = shingles(&words);
            if set.is_empty() {
                continue;
            }
            let g = *by_set.entry(set.clone()).or_insert_with(|| {
                out.push(Group {
                    shingles: set,
                    members: Vec::new(),
                });
                out.len() - 1
            });
            if let Some(group) = out.get_mut(g) {
                group.members.push((d, *line, words.len()));
            }
        }
    }
    out
}

/// For each group, the other groups that contain at least 70 % of its shingles.
fn near(groups: &[Group]) -> Vec<Vec<usize>> {
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for s in &group.shingles {
            index.entry(*s).or_default().push(g);
        }
    }
    groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            if group.members.iter().all(|m| m.2 < MIN_WORDS) {
                return Vec::new();
            }
            let mut shared: HashMap<usize, usize> = HashMap::new();
            for s in &group.shingles {
                let postings = index.get(s).map_or(&[][..], Vec::as_slice);
                if postings.len() > COMMON {
                    continue;
                }
                for &h in postings.iter().filter(|&&h| h != g) {
                    *shared.entry(h).or_default() += 1;
                }
            }
            let need = group.shingles.len() * SHARED.0;
            let mut hits: Vec<usize> = shared
                .into_iter()
                .filter(|&(_, n)| n * SHARED.1 >= need)
                .map(|(h, _)| h)
                .collect();
            hits.sort_unstable();
            hits
        })
        .collect()
}

pub(crate) fn check(docs: &[Doc]) -> Vec<Problem> {
    let groups = groups(docs);
    let near = near(&groups);
    let file = |d: usize| docs.get(d).map_or("", |doc| doc.file.as_str());
    let mut problems = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        if group.members.iter().all(|m| m.2 < MIN_WORDS) {
            continue;
        }
        let similar = near.get(g).map_or(&[][..], Vec::as_slice);
        // Where this paragraph occurs (itself included), sorted by file and line.
        let mut places: Vec<(&str, u32, usize)> = group
            .members
            .iter()
            .chain(
                similar
                    .iter()
                    .filter_map(|&h| groups.get(h))
                    .flat_map(|o| &o.members),
            )
            .map(|&(d, line, _)| (file(d), line, d))
            .collect();
        places.sort_unstable();
        places.dedup();
        let mut lessons = places.iter().map(|p| p.2).collect::<Vec<_>>();
        lessons.dedup();
        // Each member's own lesson is among them.
        let more = match lessons.len().saturating_sub(2) {
            0 => String::new(),
            n => format!(" und in {n} weiteren Lektionen"),
        };
        for &(d, line, count) in group.members.iter().filter(|m| m.2 >= MIN_WORDS) {
            let Some(&(other, other_line, _)) = places.iter().find(|p| p.2 != d) else {
                continue;
            };
            problems.push(warning(
                file(d),
                line,
                format!(
                    "Dieser Absatz ({count} Wörter) steht fast wortgleich auch in \
                     {other}:{other_line}{more}: Behandeln Sie das Thema an einer Stelle und \
                     verlinken Sie von den anderen Lektionen dorthin."
                ),
            ));
        }
    }
    problems
}

#[cfg(test)]
#[path = "duplicates_tests.rs"]
mod tests;
