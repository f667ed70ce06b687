//! Server functions of the search page and the Normenverzeichnis.

use leptos::prelude::*;

use crate::error::AppError;
use crate::views::search::{NormDirectoryView, NormPageView, SearchPageView};

#[server(prefix = "/api", endpoint = "/search")]
pub async fn search(q: String, page: usize) -> Result<SearchPageView, AppError> {
    let (state, user) = crate::api::ssr::signed_in()?;
    crate::service::search::search(&state, user, &q, page).await
}

#[server(prefix = "/api", endpoint = "/norms")]
pub async fn norm_directory() -> Result<NormDirectoryView, AppError> {
    let (state, user) = crate::api::ssr::signed_in()?;
    crate::service::search::norm_directory(&state, user).await
}

#[server(prefix = "/api", endpoint = "/norm")]
pub async fn norm_page(law: String, paragraph: String) -> Result<NormPageView, AppError> {
    let (state, user) = crate::api::ssr::signed_in()?;
    crate::service::search::norm_page(&state, user, &law, &paragraph).await
}
