//! Per-user data read on every request, kept for at most `TTL`: the session with its user,
//! and a learner's progress and quiz attempts. Every write through this instance forgets the
//! entry at once, so the person who acts always sees their change; another instance on the same
//! database sees it within `TTL` (deactivating an account or signing out everywhere takes effect
//! on every instance within a second). Writes always go to the database first.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::store::{AttemptSummary, ProgressRow, SessionRecord};

pub const TTL: Duration = Duration::from_secs(1);
/// Entries kept at most; beyond it the expired ones are dropped, then all.
const MAX_ENTRIES: usize = 20_000;

/// A learner's own rows, as `service::learning` loads them.
#[derive(Debug, Clone, Default)]
pub struct LearnerRows {
    pub progress: Arc<Vec<ProgressRow>>,
    /// `None` when only progress was loaded (lesson pages).
    pub attempts: Option<Arc<Vec<AttemptSummary>>>,
}

#[derive(Default)]
pub struct HotCache {
    sessions: Ttl<String, SessionRecord>,
    learners: Ttl<i64, LearnerRows>,
}

impl HotCache {
    pub fn session(&self, id_hash: &str) -> Option<SessionRecord> {
        self.sessions.get(&id_hash.to_owned())
    }

    pub fn keep_session(&self, id_hash: &str, record: SessionRecord) {
        self.sessions.put(id_hash.to_owned(), record);
    }

    pub fn forget_session(&self, id_hash: &str) {
        self.sessions.remove(&id_hash.to_owned());
    }

    /// After a change to the account: its sessions are read again from the database.
    pub fn forget_user(&self, user_id: i64) {
        self.sessions.retain(|_, record| record.user.id != user_id);
        self.learners.remove(&user_id);
    }

    pub fn learner(&self, user_id: i64) -> Option<LearnerRows> {
        self.learners.get(&user_id)
    }

    pub fn keep_learner(&self, user_id: i64, rows: LearnerRows) {
        self.learners.put(user_id, rows);
    }

    /// After a change to many learners at once (retention).
    pub fn clear(&self) {
        self.sessions.lock().clear();
        self.learners.lock().clear();
    }

    /// After the learner's progress or attempts changed.
    pub fn forget_learner(&self, user_id: i64) {
        self.learners.remove(&user_id);
    }
}

struct Ttl<K, V> {
    inner: Mutex<HashMap<K, (Instant, V)>>,
}

impl<K, V> Default for Ttl<K, V> {
    fn default() -> Self {
        Ttl {
            inner: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Eq + Hash, V: Clone> Ttl<K, V> {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, (Instant, V)>> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn get(&self, key: &K) -> Option<V> {
        let map = self.lock();
        map.get(key)
            .filter(|(at, _)| at.elapsed() < TTL)
            .map(|(_, v)| v.clone())
    }

    fn put(&self, key: K, value: V) {
        let mut map = self.lock();
        if map.len() >= MAX_ENTRIES {
            map.retain(|_, (at, _)| at.elapsed() < TTL);
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
        }
        map.insert(key, (Instant::now(), value));
    }

    fn remove(&self, key: &K) {
        self.lock().remove(key);
    }

    fn retain(&self, keep: impl Fn(&K, &V) -> bool) {
        self.lock().retain(|k, (_, v)| keep(k, v));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_and_can_be_forgotten() {
        let cache: Ttl<i64, &str> = Ttl::default();
        cache.put(1, "a");
        assert_eq!(cache.get(&1), Some("a"));
        cache.remove(&1);
        assert_eq!(cache.get(&1), None);
        cache.put(2, "b");
        cache.inner.lock().unwrap().get_mut(&2).unwrap().0 -= TTL;
        assert_eq!(cache.get(&2), None, "expired");
    }
}
