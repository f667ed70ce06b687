//! `/team/export.csv` and `/team/export.xlsx`: exactly the columns `/team` shows, for the same
//! filters, all pages. CSV is made for German Excel (UTF-8 with BOM, `;`, `dd.mm.yyyy`, cells
//! that Excel would read as a formula get a leading `'`); XLSX is written by `rust_xlsxwriter`
//! with every cell as text. Every export is audit-logged with its filter and row count.

use super::office;
use super::team::{query_string, table, tests_for, Table};
use crate::auth::session::SessionUser;
use crate::domain::permissions::Action;
use crate::domain::time::local_date;
use crate::error::AppError;
use crate::service::audit;
use crate::state::AppState;
use crate::views::oversight::BoardFilter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

pub struct Export {
    pub file_name: String,
    pub format: Format,
    pub bytes: Vec<u8>,
}

/// Header and rows as text, the same for both formats.
pub fn grid(t: &Table, shows_people: bool) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    if shows_people {
        let mut header = vec!["Name".to_owned(), "Team".to_owned()];
        header.extend(
            t.columns
                .iter()
                .map(|c| format!("{} – {}", c.track, c.title)),
        );
        out.push(header);
        for r in &t.rows {
            let mut row = vec![r.name.clone(), r.team.clone()];
            row.extend(r.cells.iter().map(|c| c.text()));
            out.push(row);
        }
    } else {
        out.push(
            ["Team", "Personen", "Zuweisungen", "Erledigt", "Überfällig"]
                .map(str::to_owned)
                .to_vec(),
        );
        for c in &t.team_counts {
            out.push(vec![
                c.team.clone(),
                c.people.clone(),
                c.assigned.clone(),
                c.completed.clone(),
                c.overdue.clone(),
            ]);
        }
    }
    out
}

/// A CSV field for German Excel: formula starters neutralised, quoted when needed.
pub fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

pub fn csv(grid: &[Vec<String>]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    for row in grid {
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

pub fn xlsx(grid: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    use rust_xlsxwriter::{Format as CellFormat, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let fail = |err: rust_xlsxwriter::XlsxError| {
        tracing::error!(%err, "cannot write the spreadsheet");
        AppError::Internal
    };
    sheet.set_name("Lernstand").map_err(fail)?;
    let bold = CellFormat::new().set_bold();
    for (r, row) in grid.iter().enumerate() {
        let r = u32::try_from(r).map_err(|_| AppError::Internal)?;
        for (c, value) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| AppError::Internal)?;
            if r == 0 {
                sheet
                    .write_string_with_format(r, c, value, &bold)
                    .map_err(fail)?;
            } else {
                sheet.write_string(r, c, value).map_err(fail)?;
            }
        }
    }
    workbook.save_to_buffer().map_err(fail)
}

pub async fn export(
    state: &AppState,
    user: &SessionUser,
    filter: BoardFilter,
    format: Format,
) -> Result<Export, AppError> {
    let ob = office::load(state, user, Action::ExportProgress, filter.office, None).await?;
    let tests = tests_for(state, &ob, None).await?;
    let t = table(&ob, &filter, &tests);
    let grid = grid(&t, ob.office.oversight_level.shows_people());
    let rows = grid.len().saturating_sub(1);
    let bytes = match format {
        Format::Csv => csv(&grid),
        Format::Xlsx => xlsx(&grid)?,
    };
    let file_name = format!(
        "lotse-{}-{}.{}",
        ob.office.slug,
        local_date(state.now()).format("%Y-%m-%d"),
        format.extension()
    );
    let filter_text = query_string(&filter);
    audit(
        state,
        Some(user.user_id),
        "progress.exported",
        &format!("office:{}", ob.office.id),
        &format!(
            "{} Zeilen, Format {}, Filter: {}",
            rows,
            format.extension(),
            if filter_text.is_empty() {
                "keiner"
            } else {
                &filter_text
            }
        ),
        state.now(),
    )
    .await;
    Ok(Export {
        file_name,
        format,
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_neutralises_formulas_and_quotes() {
        let cases = [
            ("Müller", "Müller"),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+49 621", "'+49 621"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("a;b", "\"a;b\""),
            ("zwei\nZeilen", "\"zwei\nZeilen\""),
        ];
        for (input, expected) in cases {
            assert_eq!(csv_field(input), expected, "{input}");
        }
        let bytes = csv(&[
            vec!["Name".into(), "Team".into()],
            vec!["Jürgen".into(), "A".into()],
        ]);
        assert!(bytes.starts_with("\u{feff}Name;Team\r\nJürgen;A\r\n".as_bytes()));
    }
}
