//! Published content as read by pages. Shared SQL for both backends.

macro_rules! impl_content_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::ContentStore for $store {
            #[tracing::instrument(skip_all)]
            async fn list_tracks(
                &self,
            ) -> Result<Vec<$crate::store::TrackSummary>, $crate::store::DbError> {
                Ok(sqlx::query_as(
                    "SELECT t.slug, t.title, t.summary, COUNT(m.id) AS module_count, \
                     CAST(COALESCE(SUM(m.minutes), 0) AS BIGINT) AS minutes \
                     FROM tracks t \
                     LEFT JOIN modules m ON m.track_id = t.id AND m.archived_at IS NULL \
                     WHERE t.archived_at IS NULL \
                     GROUP BY t.id, t.slug, t.title, t.summary, t.position \
                     ORDER BY t.position, t.slug",
                )
                .fetch_all(&self.pool)
                .await?)
            }
        }
    };
}

pub(crate) use impl_content_store;
