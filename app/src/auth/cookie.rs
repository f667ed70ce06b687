//! The session cookie. Over HTTPS it carries the `__Host-` prefix, which browsers only accept
//! with `Secure`, `Path=/` and no `Domain`: no other site or subdomain can set or overwrite it.

const PLAIN_NAME: &str = "lotse_session";
const HOST_NAME: &str = "__Host-lotse_session";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionCookie {
    /// Send the cookie only over HTTPS (and use the `__Host-` name).
    pub secure: bool,
    /// Lifetime in seconds (the absolute session limit).
    pub max_age_seconds: i64,
}

impl SessionCookie {
    pub fn name(&self) -> &'static str {
        if self.secure {
            HOST_NAME
        } else {
            PLAIN_NAME
        }
    }

    /// `Set-Cookie` value for a new session id.
    pub fn set(&self, token: &str) -> String {
        format!(
            "{}={token}; Path=/; HttpOnly; SameSite=Lax{}; Max-Age={}",
            self.name(),
            if self.secure { "; Secure" } else { "" },
            self.max_age_seconds
        )
    }

    /// `Set-Cookie` value that removes the cookie.
    pub fn clear(&self) -> String {
        format!(
            "{}=; Path=/; HttpOnly; SameSite=Lax{}; Max-Age=0",
            self.name(),
            if self.secure { "; Secure" } else { "" }
        )
    }

    /// The session token from a `Cookie` header value.
    pub fn token_from_header<'h>(&self, header: &'h str) -> Option<&'h str> {
        let name = self.name();
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(n, _)| *n == name)
            .map(|(_, value)| value)
            .filter(|v| !v.is_empty() && v.len() <= 64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: SessionCookie = SessionCookie {
        secure: false,
        max_age_seconds: 60,
    };
    const SECURE: SessionCookie = SessionCookie {
        secure: true,
        max_age_seconds: 60,
    };

    #[test]
    fn cookie_flags_are_httponly_lax_and_secure_with_the_host_prefix_over_https() {
        let plain = PLAIN.set("abc");
        assert!(plain.starts_with("lotse_session=abc;"), "{plain}");
        assert!(
            plain.contains("HttpOnly")
                && plain.contains("SameSite=Lax")
                && !plain.contains("Secure")
        );
        let secure = SECURE.set("abc");
        assert!(
            secure.starts_with("__Host-lotse_session=abc; Path=/;"),
            "{secure}"
        );
        assert!(secure.contains("; Secure") && !secure.contains("Domain"));
        assert!(SECURE.clear().contains("Max-Age=0"));
    }

    #[test]
    fn the_token_is_found_among_other_cookies_under_the_configured_name_only() {
        assert_eq!(
            PLAIN.token_from_header("a=1; lotse_session=xyz; b=2"),
            Some("xyz")
        );
        assert_eq!(PLAIN.token_from_header("lotse_session="), None);
        assert_eq!(PLAIN.token_from_header("other=1"), None);
        assert_eq!(
            SECURE.token_from_header("lotse_session=xyz"),
            None,
            "no downgrade to the plain name"
        );
        assert_eq!(
            SECURE.token_from_header("__Host-lotse_session=xyz"),
            Some("xyz")
        );
    }
}
