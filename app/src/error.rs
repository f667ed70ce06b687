//! The one error type that crosses from server functions to the browser.
//!
//! Every variant carries a German message that is safe to show to any user; internal causes are
//! logged where they happen and never serialised.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Bitte melden Sie sich an.")]
    Unauthenticated,
    #[error("Dafür fehlt Ihnen die Berechtigung.")]
    Forbidden,
    #[error("{0} wurde nicht gefunden.")]
    NotFound(String),
    /// A user-facing validation message, already phrased in German.
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Conflict(String),
    #[error("Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.")]
    Internal,
    #[error("Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.")]
    Unreachable,
}

impl AppError {
    /// HTTP status for plain (non-JavaScript) form posts and page renders.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound(_) => 404,
            AppError::Invalid(_) => 422,
            AppError::Conflict(_) => 409,
            AppError::Internal => 500,
            AppError::Unreachable => 503,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) => AppError::Unreachable,
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::Invalid("Die Eingabe war unvollständig oder ungültig.".into())
            }
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::store::DbError> for AppError {
    fn from(err: crate::store::DbError) -> Self {
        use crate::store::DbError;
        match err {
            DbError::NotFound => AppError::NotFound("Der Eintrag".into()),
            DbError::Conflict { .. } => {
                AppError::Conflict("Ein solcher Eintrag existiert bereits.".into())
            }
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transport_failures_become_a_german_message_without_internals() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Request(
            "tcp connect error 10.0.0.1".into(),
        ));
        assert_eq!(err, AppError::Unreachable);
        assert!(!err.to_string().contains("tcp"));
    }

    #[test]
    fn internal_errors_do_not_leak_their_cause() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::ServerError(
            "no such table: users".into(),
        ));
        assert_eq!(err.to_string(), AppError::Internal.to_string());
    }
}
