//! The client's address for throttling: the peer, or behind a trusted reverse proxy the last
//! address in `X-Forwarded-For` that is not itself a trusted proxy. Headers from untrusted peers
//! are ignored, so nobody can choose their own address by sending the header.

use std::net::IpAddr;

use ipnet::IpNet;

pub fn client_address(
    peer: Option<IpAddr>,
    forwarded_for: Option<&str>,
    trusted: &[IpNet],
) -> String {
    let Some(peer) = peer else {
        return "unknown".to_owned();
    };
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer.to_string();
    }
    // Walk from the nearest hop outwards; the first untrusted address is the client.
    let hops = forwarded_for
        .unwrap_or_default()
        .split(',')
        .rev()
        .map(str::trim)
        .filter_map(|hop| hop.parse::<IpAddr>().ok());
    for hop in hops {
        if !is_trusted(&hop) {
            return hop.to_string();
        }
    }
    peer.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let trusted: Vec<IpNet> = vec![
            "10.0.0.5/32".parse().unwrap(),
            "192.168.0.0/24".parse().unwrap(),
        ];
        let cases = [
            (
                "direct client, header ignored",
                "203.0.113.7",
                Some("1.2.3.4"),
                "203.0.113.7",
            ),
            (
                "behind the proxy",
                "10.0.0.5",
                Some("198.51.100.9"),
                "198.51.100.9",
            ),
            (
                "two trusted hops",
                "10.0.0.5",
                Some("198.51.100.9, 192.168.0.20"),
                "198.51.100.9",
            ),
            (
                "client-supplied prefix is skipped",
                "10.0.0.5",
                Some("6.6.6.6, 198.51.100.9"),
                "198.51.100.9",
            ),
            ("no header", "10.0.0.5", None, "10.0.0.5"),
            ("garbage header", "10.0.0.5", Some("nonsense"), "10.0.0.5"),
        ];
        for (name, peer, header, expected) in cases {
            assert_eq!(
                client_address(ip(peer), header, &trusted),
                expected,
                "{name}"
            );
        }
        assert_eq!(
            client_address(ip("10.0.0.5"), Some("198.51.100.9"), &[]),
            "10.0.0.5",
            "no trusted proxies"
        );
        assert_eq!(client_address(None, None, &trusted), "unknown");
    }
}

/// The client address of a request, computed once by [`resolve_client`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddress(pub String);

/// Middleware: stores the [`ClientAddress`] of every request.
pub async fn resolve_client(
    axum::extract::State(trusted): axum::extract::State<std::sync::Arc<Vec<IpNet>>>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let peer = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|axum::extract::ConnectInfo(addr)| addr.ip());
    let forwarded = req
        .headers()
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok());
    let address = client_address(peer, forwarded, &trusted);
    req.extensions_mut().insert(ClientAddress(address));
    next.run(req).await
}
