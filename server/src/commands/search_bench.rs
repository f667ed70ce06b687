//! `lotse search-bench`: how long building the search index from the stored content takes,
//! and how fast it answers a mix of queries (words, prefixes, typos, norms, several words).
//! Prints one line of `key=value` pairs for `server/bench.sh`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;

use app::domain::search_query;
use app::search::SearchIndex;

use crate::config::Config;

const QUERIES: &[&str] = &[
    "Fiktionsbescheinigung",
    "Fiktion",
    "Titel fortbestehend",
    "§ 81 Abs. 4",
    "81a AufenthG",
    "§4 AufenthG",
    "Fachkraefte",
    "Aufenthaltstitels",
    "Abschnitt",
    "Lektion Modul Track",
    "Wort150",
    "Wrot150",
    "Gehaltsschwelle Blaue Karte 2025",
    "\"(:*AND",
];

pub async fn run(config: &Config, builds: usize, queries: usize) -> anyhow::Result<ExitCode> {
    let store = super::open_store(config).await?;
    let outline = store.outline().await.context("outline")?;
    let mut build_times = Vec::new();
    let mut index = None;
    for _ in 0..builds.max(1) {
        let texts = store.lesson_texts().await.context("lesson texts")?;
        let started = Instant::now();
        index = Some(SearchIndex::build(&outline, texts).context("build")?);
        build_times.push(started.elapsed());
    }
    let index = index.context("no build")?;
    let parsed: Vec<_> = QUERIES.iter().map(|q| search_query::parse(q)).collect();
    let mut latencies = Vec::with_capacity(queries);
    let mut per_query = vec![Duration::ZERO; parsed.len()];
    let mut found = 0;
    for i in 0..queries.max(1) {
        let query = &parsed[i % parsed.len()];
        let started = Instant::now();
        let hits = index
            .search(query, 0, search_query::PAGE_SIZE)
            .context("search")?;
        latencies.push(started.elapsed());
        per_query[i % parsed.len()] = per_query[i % parsed.len()].max(started.elapsed());
        found += hits.hits.len();
    }
    let mut slowest: Vec<(Duration, &str)> =
        per_query.into_iter().zip(QUERIES.iter().copied()).collect();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (took, query) in slowest.iter().take(3) {
        eprintln!("slowest: {query:?} {:.2} ms", took.as_secs_f64() * 1000.0);
    }
    build_times.sort();
    latencies.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    println!(
        "lessons={} build_ms_median={:.0} build_ms_max={:.0} queries={} p50_ms={:.2} p99_ms={:.2} max_ms={:.2} hits={}",
        index.lessons.len(),
        ms(build_times[build_times.len() / 2]),
        ms(build_times[build_times.len() - 1]),
        latencies.len(),
        ms(at(0.5)),
        ms(at(0.99)),
        ms(latencies[latencies.len() - 1]),
        found
    );
    store.close().await;
    Ok(ExitCode::SUCCESS)
}
