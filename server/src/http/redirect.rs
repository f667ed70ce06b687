//! Where to go after signing in: only a path on this site. Anything that a browser could read as
//! another origin (`//evil`, `/\evil`, `/%09/evil`, control characters, non-ASCII) is refused,
//! and the result is resolved against `base_url` and compared by origin.

pub fn safe_next(next: &str, base_url: &str) -> String {
    const HOME: &str = "/";
    let plain = next.starts_with('/')
        && !next.starts_with("//")
        && next.bytes().all(|b| b.is_ascii_graphic())
        && !next.contains('\\')
        && !next.to_ascii_lowercase().contains("%09")
        && !next.to_ascii_lowercase().contains("%0a")
        && !next.to_ascii_lowercase().contains("%0d")
        && !next.to_ascii_lowercase().contains("%5c")
        && !next.starts_with("/%2f")
        && !next.starts_with("/%2F");
    if !plain || next.starts_with("/login") {
        return HOME.to_owned();
    }
    let (Ok(base), Ok(target)) = (
        url::Url::parse(base_url),
        url::Url::parse(base_url).and_then(|b| b.join(next)),
    ) else {
        return HOME.to_owned();
    };
    if target.origin() != base.origin() {
        return HOME.to_owned();
    }
    let mut local = target.path().to_owned();
    if let Some(query) = target.query() {
        local.push('?');
        local.push_str(query);
    }
    local
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    const BASE: &str = "https://lotse.kreis.de";

    #[test]
    fn local_paths_are_kept() {
        for ok in [
            "/tracks/basiswissen",
            "/tracks/a/b/quiz?versuch=x&y=1",
            "/",
            "/admin/personen?seite=2",
        ] {
            assert_eq!(safe_next(ok, BASE), ok);
        }
    }

    #[test]
    fn anything_that_could_leave_the_site_goes_home() {
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "/\\/evil.example",
            "/%09/evil.example",
            "/\t/evil.example",
            "/%0a/evil.example",
            "/%5Cevil.example",
            "/%2F/evil.example",
            "/ evil",
            "/ä",
            "",
            "evil",
            "/login?x",
            "javascript:alert(1)",
        ] {
            assert_eq!(safe_next(bad, BASE), "/", "{bad:?}");
        }
    }
}
