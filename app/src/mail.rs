//! Outgoing email transport. An enum rather than a trait object: SMTP in production, `.eml`
//! files in a folder when no SMTP server is configured (so flows work on a fresh install), and
//! in-memory for unit tests that read what was sent. Requests never call it: they queue rows in
//! the outbox table, and the background worker (`service::background`) sends them.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body_text: String,
    /// With an HTML part the mail is `multipart/alternative`, text first.
    pub body_html: Option<String>,
    /// Stable across resends of one outbox row, so receivers can drop duplicates.
    pub message_id: Option<String>,
    /// RFC 8058 one-click unsubscribe target (https).
    pub unsubscribe_url: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address: {0}")]
    Address(String),
    #[error("cannot build message: {0}")]
    Build(String),
    #[error("cannot deliver: {0}")]
    Deliver(String),
}

#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: Arc<AsyncSmtpTransport<Tokio1Executor>>,
        from: Mailbox,
    },
    Files {
        dir: PathBuf,
        from: Mailbox,
    },
    Memory(Arc<Mutex<Vec<OutgoingMail>>>),
}

impl Mailer {
    /// SMTP when `smtp_url` is given (`smtp://host:25`, `smtps://user:pass@host`,
    /// `smtp://host:587?tls=required`), else files in `outbox`.
    pub fn from_config(
        smtp_url: Option<&str>,
        from: &str,
        outbox: PathBuf,
    ) -> Result<Mailer, MailError> {
        let from: Mailbox = from
            .parse()
            .map_err(|_| MailError::Address(from.to_owned()))?;
        match smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| MailError::Build(format!("LOTSE_SMTP_URL: {e}")))?
                    .build();
                Ok(Mailer::Smtp {
                    transport: Arc::new(transport),
                    from,
                })
            }
            None => Ok(Mailer::Files { dir: outbox, from }),
        }
    }

    pub fn memory() -> (Mailer, Arc<Mutex<Vec<OutgoingMail>>>) {
        let sent = Arc::new(Mutex::new(Vec::new()));
        (Mailer::Memory(sent.clone()), sent)
    }

    /// Sends one mail. Logs recipient and subject only: bodies carry one-time links.
    pub async fn send(&self, mail: OutgoingMail) -> Result<(), MailError> {
        match self {
            Mailer::Memory(sent) => {
                sent.lock()
                    .map_err(|_| MailError::Deliver("mailbox poisoned".into()))?
                    .push(mail);
                Ok(())
            }
            Mailer::Smtp { transport, from } => {
                let message = build(from, &mail)?;
                transport
                    .send(message)
                    .await
                    .map_err(|e| MailError::Deliver(e.to_string()))?;
                tracing::info!(to = %mail.to, subject = %mail.subject, "mail sent via SMTP");
                Ok(())
            }
            Mailer::Files { dir, from } => {
                let message = build(from, &mail)?;
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| MailError::Deliver(e.to_string()))?;
                let name = format!(
                    "{}-{}.eml",
                    chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f"),
                    &crate::auth::token::new_token()[..8]
                );
                let path = dir.join(name);
                tokio::fs::write(&path, message.formatted())
                    .await
                    .map_err(|e| MailError::Deliver(e.to_string()))?;
                tracing::info!(to = %mail.to, subject = %mail.subject, file = %path.display(), "mail written to outbox (no SMTP configured)");
                Ok(())
            }
        }
    }
}

/// The RFC 5322 message: automatic-mail headers (RFC 3834) so auto-responders stay quiet, the
/// stable `Message-ID`, and for reminders `List-Unsubscribe` with one-click POST (RFC 8058).
pub fn build(from: &Mailbox, mail: &OutgoingMail) -> Result<Message, MailError> {
    use lettre::message::header::{ContentType, HeaderName, HeaderValue};
    use lettre::message::{MultiPart, SinglePart};

    let to: Mailbox = mail
        .to
        .parse()
        .map_err(|_| MailError::Address(mail.to.clone()))?;
    let raw = |name: &'static str, value: String| {
        HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
    };
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&mail.subject)
        .message_id(mail.message_id.clone())
        .raw_header(raw("Auto-Submitted", "auto-generated".into()))
        .raw_header(raw("X-Auto-Response-Suppress", "All".into()));
    if let Some(url) = &mail.unsubscribe_url {
        builder = builder
            .raw_header(raw("List-Unsubscribe", format!("<{url}>")))
            .raw_header(raw(
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click".into(),
            ));
    }
    let text = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body_text.clone());
    let message = match &mail.body_html {
        Some(html) => builder.multipart(
            MultiPart::alternative().singlepart(text).singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_HTML)
                    .body(html.clone()),
            ),
        ),
        None => builder.singlepart(text),
    };
    message.map_err(|e| MailError::Build(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn without_smtp_mails_land_as_eml_files_in_the_outbox() {
        let dir = tempfile::tempdir().unwrap();
        let mailer =
            Mailer::from_config(None, "Lotse <lotse@example.org>", dir.path().join("outbox"))
                .unwrap();
        mailer
            .send(OutgoingMail {
                to: "a@kreis.de".into(),
                subject: "Einladung".into(),
                body_text: "Hallo Frau Ö.".into(),
                message_id: Some("<lotse.1.abc@lotse.test>".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        let files: Vec<_> = std::fs::read_dir(dir.path().join("outbox"))
            .unwrap()
            .collect();
        assert_eq!(files.len(), 1);
        let text = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
        assert!(
            text.contains("To: a@kreis.de") && text.contains("Subject: Einladung"),
            "{text}"
        );
        assert!(
            text.contains("Message-ID: <lotse.1.abc@lotse.test>"),
            "{text}"
        );
        assert!(text.contains("Auto-Submitted: auto-generated"), "{text}");
    }

    #[test]
    fn a_bad_sender_address_is_refused() {
        assert!(Mailer::from_config(None, "kein absender", PathBuf::from("x")).is_err());
    }
}
