//! The texts of account mails, queued in the outbox. Plain German text; the link is the only
//! thing the reader has to act on.

use crate::domain::invitation::INVITATION_DAYS;
use crate::store::{NewMail, Ts};

pub const RESET_HOURS: i64 = 1;

pub struct Invitation<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub inviter: &'a str,
    pub office: &'a str,
    pub link: &'a str,
    pub token_hash: &'a str,
}

pub fn invitation(m: &Invitation<'_>, now: Ts) -> NewMail {
    NewMail {
        dedupe_key: format!("invitation:{}", m.token_hash),
        category: "invitation".into(),
        user_id: None,
        recipient: m.to.to_owned(),
        subject: "Einladung zu Lotse".into(),
        body_text: format!(
            "Guten Tag {name},\n\n{inviter} hat Sie zu Lotse eingeladen, der Lernplattform für die \
             Einarbeitung in der Ausländerbehörde ({office}).\n\nÜber diesen Link legen Sie Ihr \
             Passwort fest (gültig {INVITATION_DAYS} Tage, nur einmal verwendbar):\n\n{link}\n\n\
             Bei Fragen wenden Sie sich bitte an Ihre Führungskraft oder die Administration.\n",
            name = m.name,
            inviter = m.inviter,
            office = m.office,
            link = m.link,
        ),
        body_html: None,
        unsubscribe_url: None,
        send_after: now,
    }
}

pub fn password_reset(
    to: &str,
    user_id: i64,
    name: &str,
    link: &str,
    token_hash: &str,
    now: Ts,
) -> NewMail {
    NewMail {
        dedupe_key: format!("password-reset:{token_hash}"),
        category: "password_reset".into(),
        user_id: Some(user_id),
        recipient: to.to_owned(),
        subject: "Lotse: Passwort zurücksetzen".into(),
        body_text: format!(
            "Guten Tag {name},\n\nfür Ihr Lotse-Konto wurde ein neues Passwort angefordert. Über \
             diesen Link können Sie es innerhalb der nächsten {RESET_HOURS} Stunde festlegen:\n\n\
             {link}\n\nDer Link funktioniert nur einmal. Wenn Sie kein neues Passwort angefordert \
             haben, können Sie diese E-Mail ignorieren; Ihr bisheriges Passwort bleibt gültig.\n"
        ),
        body_html: None,
        unsubscribe_url: None,
        send_after: now,
    }
}
