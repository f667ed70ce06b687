//! `lotse retention [--dry-run]`: applies the retention periods once and prints what it deleted
//! (or, with `--dry-run`, would delete).

use std::process::ExitCode;

use crate::config::Config;

pub async fn run(config: &Config, dry_run: bool) -> anyhow::Result<ExitCode> {
    let store = super::open_store(config).await?;
    let policy = config.retention;
    let report = app::service::oversight::retention::apply_policy(
        &store,
        policy,
        chrono::Utc::now(),
        dry_run,
    )
    .await?;
    let verb = if dry_run {
        "würden gelöscht"
    } else {
        "gelöscht"
    };
    println!(
        "Aufbewahrung: Lernschritte und Testantworten {} Tage nach Abschluss eines Lernpfads, \
         Nachweise {} Jahre.",
        policy.details_days, policy.completions_years
    );
    println!("Aufgerufene Lektionen: {} {verb}", report.viewed_events);
    println!("Testantworten: {} {verb}", report.answer_details);
    println!("Modulnachweise: {} {verb}", report.module_completions);
    println!(
        "Zuweisungsnachweise: {} {verb}",
        report.assignment_completions
    );
    store.close().await;
    Ok(ExitCode::SUCCESS)
}
