//! Shared content kept in memory: the course outline, lesson bodies and quiz questions. The
//! outline is keyed by the content generation stored in the database (every import or publish
//! bumps it), checked at most every `CHECK_INTERVAL`, so every instance on one database serves a
//! new revision within that time. Bodies and questions are stored per revision and never change,
//! so they need no key beyond it.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::content::Question;
use crate::store::{DbError, DynStore, LessonBody, Outline};

/// How stale the outline may be on an instance that did not make the change itself.
pub const CHECK_INTERVAL: Duration = Duration::from_millis(250);
/// Lesson bodies kept (a body is a few KB of HTML; the shipped course has about 70 lessons).
const MAX_BODIES: usize = 2_000;
const MAX_QUIZZES: usize = 500;

#[derive(Default)]
pub struct ContentCache {
    outline: Mutex<Option<CachedOutline>>,
    bodies: Bounded<(i64, i64), Arc<LessonBody>>,
    questions: Bounded<(i64, i64), Arc<Vec<Question>>>,
}

struct CachedOutline {
    generation: i64,
    checked_at: Instant,
    outline: Arc<Outline>,
}

impl ContentCache {
    /// The published outline, reloaded when the content generation changed.
    pub async fn outline(&self, store: &DynStore) -> Result<Arc<Outline>, DbError> {
        Ok(self.current(store).await?.1)
    }

    /// The content generation and the outline that belongs to it: the key and the skeleton of
    /// every other cache of shared content (the search index).
    pub async fn current(&self, store: &DynStore) -> Result<(i64, Arc<Outline>), DbError> {
        let known = self
            .lock_outline()
            .as_ref()
            .map(|c| (c.generation, c.checked_at, c.outline.clone()));
        if let Some((generation, checked_at, outline)) = &known {
            if checked_at.elapsed() < CHECK_INTERVAL {
                return Ok((*generation, outline.clone()));
            }
        }
        let generation = store.content_generation().await?;
        if let Some((cached, _, outline)) = known {
            if cached == generation {
                if let Some(c) = self.lock_outline().as_mut() {
                    c.checked_at = Instant::now();
                }
                return Ok((generation, outline));
            }
        }
        let outline = Arc::new(store.outline().await?);
        *self.lock_outline() = Some(CachedOutline {
            generation,
            checked_at: Instant::now(),
            outline: outline.clone(),
        });
        Ok((generation, outline))
    }

    /// Forgets the outline (after this instance imported content itself).
    pub fn invalidate(&self) {
        *self.lock_outline() = None;
    }

    pub async fn lesson_body(
        &self,
        store: &DynStore,
        lesson_id: i64,
        revision: i64,
    ) -> Result<Arc<LessonBody>, DbError> {
        if let Some(body) = self.bodies.get(&(lesson_id, revision)) {
            return Ok(body);
        }
        let body = Arc::new(store.lesson_body(lesson_id, revision).await?);
        self.bodies
            .insert((lesson_id, revision), body.clone(), MAX_BODIES);
        Ok(body)
    }

    pub async fn quiz_questions(
        &self,
        store: &DynStore,
        quiz_id: i64,
        revision: i64,
    ) -> Result<Arc<Vec<Question>>, DbError> {
        if let Some(questions) = self.questions.get(&(quiz_id, revision)) {
            return Ok(questions);
        }
        let questions = Arc::new(store.quiz_questions(quiz_id, revision).await?);
        self.questions
            .insert((quiz_id, revision), questions.clone(), MAX_QUIZZES);
        Ok(questions)
    }

    fn lock_outline(&self) -> std::sync::MutexGuard<'_, Option<CachedOutline>> {
        self.outline
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A map that forgets its oldest entries beyond a size.
struct Bounded<K, V> {
    inner: Mutex<(HashMap<K, V>, VecDeque<K>)>,
}

impl<K, V> Default for Bounded<K, V> {
    fn default() -> Self {
        Bounded {
            inner: Mutex::new((HashMap::new(), VecDeque::new())),
        }
    }
}

impl<K: Eq + Hash + Clone, V: Clone> Bounded<K, V> {
    fn get(&self, key: &K) -> Option<V> {
        self.inner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .0
            .get(key)
            .cloned()
    }

    fn insert(&self, key: K, value: V, max: usize) {
        let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let (map, order) = &mut *guard;
        if map.insert(key.clone(), value).is_none() {
            order.push_back(key);
        }
        while order.len() > max {
            if let Some(oldest) = order.pop_front() {
                map.remove(&oldest);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Bounded;

    #[test]
    fn the_oldest_entries_go_first() {
        let map = Bounded::default();
        for i in 0..5 {
            map.insert(i, i * 10, 3);
        }
        assert_eq!((map.get(&0), map.get(&1)), (None, None));
        assert_eq!((map.get(&2), map.get(&4)), (Some(20), Some(40)));
        map.insert(4, 41, 3);
        assert_eq!(map.get(&2), Some(20), "replacing a value does not evict");
    }
}
