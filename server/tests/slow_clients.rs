//! Slow or greedy clients against the real listener: half-sent headers are cut off after the
//! header timeout, a body trickling in is answered 408 within the request timeout, oversized
//! bodies get 413, and keep-alive requests are not delayed by Nagle's algorithm.

mod support;

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use support::TestApp;

/// Serves `app`'s router on a real port with short timeouts; returns the address.
async fn listen(app: &TestApp, limits: server::config::HttpLimits) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = server::startup::router(app.state.clone(), &limits);
    tokio::spawn(async move {
        server::http::listener::serve(listener, router, &limits, std::future::pending()).await
    });
    addr
}

fn short() -> server::config::HttpLimits {
    server::config::HttpLimits {
        header_timeout: Duration::from_secs(1),
        request_timeout: Duration::from_secs(2),
        ..Default::default()
    }
}

/// Reads until the peer closes or `limit` passes; returns what arrived and whether it closed.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (String, bool) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let deadline = Instant::now() + limit;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut chunk)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return (String::from_utf8_lossy(&buf).into_owned(), true),
            Ok(Ok(n)) => buf.extend_from_slice(&chunk[..n]),
            Err(_) => return (String::from_utf8_lossy(&buf).into_owned(), false),
        }
    }
}

#[tokio::test]
async fn half_sent_headers_are_cut_off_after_the_header_timeout() {
    let app = TestApp::sqlite().await;
    let addr = listen(&app, short()).await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: lotse.test\r\nX-Slow: ")
        .await
        .unwrap();
    let started = Instant::now();
    let (_, closed) = read_until_closed(&mut stream, Duration::from_secs(10)).await;
    assert!(closed, "the connection stayed open");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "closed after {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_body_sent_one_byte_at_a_time_is_answered_408_in_time() {
    let app = TestApp::sqlite().await;
    let addr = listen(&app, short()).await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(
            b"POST /login HTTP/1.1\r\nHost: lotse.test\r\nOrigin: http://lotse.test\r\n\
              Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n",
        )
        .await
        .unwrap();
    let started = Instant::now();
    let (mut reader, mut writer) = stream.into_split();
    tokio::spawn(async move {
        for _ in 0..20 {
            if writer.write_all(b"e").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(700)).await;
        }
    });
    let mut answer = vec![0u8; 512];
    let n = tokio::time::timeout(Duration::from_secs(8), reader.read(&mut answer))
        .await
        .expect("an answer within the request timeout")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]).into_owned();
    assert!(
        answer.starts_with("HTTP/1.1 408"),
        "{answer:?} after {:?}",
        started.elapsed()
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413() {
    let app = TestApp::sqlite().await;
    let addr = listen(&app, short()).await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let size = server::startup::MAX_BODY_BYTES + 1;
    let head = format!(
        "POST /login HTTP/1.1\r\nHost: lotse.test\r\nOrigin: http://lotse.test\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {size}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let (answer, _) = read_until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer:?}");
}

#[tokio::test]
async fn connections_beyond_the_limit_wait_instead_of_being_served() {
    let app = TestApp::sqlite().await;
    let limits = server::config::HttpLimits {
        max_connections: 1,
        ..short()
    };
    let addr = listen(&app, limits).await;
    let _first = TcpStream::connect(addr).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut second = TcpStream::connect(addr).await.unwrap();
    second
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: lotse.test\r\n\r\n")
        .await
        .unwrap();
    // Not served while the first connection holds the only slot …
    let (early, _) = read_until_closed(&mut second, Duration::from_millis(500)).await;
    assert!(early.is_empty(), "{early:?}");
    // … and served once it is gone (the first is cut off by the header timeout).
    let (later, _) = read_until_closed(&mut second, Duration::from_secs(5)).await;
    assert!(later.starts_with("HTTP/1.1 200"), "{later:?}");
}

#[tokio::test]
async fn twenty_keep_alive_requests_for_an_asset_finish_well_under_a_second() {
    let app = TestApp::sqlite().await;
    let addr = listen(&app, server::config::HttpLimits::default()).await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let started = Instant::now();
    for _ in 0..20 {
        stream
            .write_all(
                b"GET /pkg/lotse.css HTTP/1.1\r\nHost: lotse.test\r\nAccept-Encoding: gzip\r\n\r\n",
            )
            .await
            .unwrap();
        let mut got = Vec::new();
        let mut chunk = [0u8; 8192];
        // Read one response: headers, then the body by its length or chunked end.
        loop {
            let n = stream.read(&mut chunk).await.unwrap();
            assert!(n > 0, "closed");
            got.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&got);
            if let Some(end) = text.find("\r\n\r\n") {
                let head = text[..end].to_ascii_lowercase();
                let body = got.len() - end - 4;
                if let Some(len) = head.split("content-length: ").nth(1) {
                    let len: usize = len.split("\r\n").next().unwrap().trim().parse().unwrap();
                    if body >= len {
                        break;
                    }
                } else if text.ends_with("0\r\n\r\n") {
                    break;
                }
            }
        }
    }
    let elapsed = started.elapsed();
    assert!(
        elapsed < Duration::from_millis(500),
        "20 requests took {elapsed:?}"
    );
}
