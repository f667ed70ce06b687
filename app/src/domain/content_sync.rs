//! Pure decisions for importing content into the store: what to write for an item, given what
//! is stored. Keeping them here (not in SQL) lets both backends share them and tests pin them.

/// What is stored for an item (track, module, lesson or quiz), as far as syncing cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub content_hash: String,
    pub position: i64,
    pub archived: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Not stored yet.
    Create,
    /// The file changed: a new revision (lessons, quizzes) or new fields (tracks, modules).
    Revise,
    /// Same content, but moved or brought back from the archive: update in place.
    Touch,
    /// Nothing to write.
    Keep,
}

pub fn decide(stored: Option<&Stored>, content_hash: &str, position: i64) -> Action {
    match stored {
        None => Action::Create,
        Some(s) if s.content_hash != content_hash => Action::Revise,
        Some(s) if s.position != position || s.archived => Action::Touch,
        Some(_) => Action::Keep,
    }
}

/// Stored items to archive: not in the new content, not broken (broken files keep what is
/// stored), and not archived already.
pub fn to_archive<'a>(
    stored: impl IntoIterator<Item = (&'a str, bool)>,
    present: &[&str],
    broken: &[String],
) -> Vec<&'a str> {
    stored
        .into_iter()
        .filter(|(slug, archived)| {
            !archived && !present.contains(slug) && !broken.iter().any(|b| b == slug)
        })
        .map(|(slug, _)| slug)
        .collect()
}

/// Counts of what an import wrote; all zero means it wrote nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub created: usize,
    pub revised: usize,
    pub touched: usize,
    pub archived: usize,
    pub problems_replaced: bool,
}

impl SyncReport {
    pub fn wrote_nothing(&self) -> bool {
        *self == SyncReport::default()
    }

    pub fn record(&mut self, action: Action) {
        match action {
            Action::Create => self.created += 1,
            Action::Revise => self.revised += 1,
            Action::Touch => self.touched += 1,
            Action::Keep => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(hash: &str, position: i64, archived: bool) -> Stored {
        Stored {
            content_hash: hash.into(),
            position,
            archived,
        }
    }

    #[test]
    fn unchanged_content_in_place_writes_nothing() {
        assert_eq!(decide(Some(&stored("h1", 2, false)), "h1", 2), Action::Keep);
    }

    #[test]
    fn a_changed_hash_is_a_new_revision_even_when_archived_or_moved() {
        assert_eq!(
            decide(Some(&stored("h1", 2, true)), "h2", 3),
            Action::Revise
        );
    }

    #[test]
    fn a_move_or_a_return_from_the_archive_only_touches() {
        assert_eq!(
            decide(Some(&stored("h1", 2, false)), "h1", 5),
            Action::Touch
        );
        assert_eq!(decide(Some(&stored("h1", 2, true)), "h1", 2), Action::Touch);
    }

    #[test]
    fn new_items_are_created() {
        assert_eq!(decide(None, "h1", 1), Action::Create);
    }

    #[test]
    fn archiving_spares_present_broken_and_already_archived_items() {
        let stored = [("a", false), ("b", false), ("c", false), ("d", true)];
        let archived = to_archive(stored, &["a"], &["b".to_string()]);
        assert_eq!(archived, vec!["c"]);
    }
}
