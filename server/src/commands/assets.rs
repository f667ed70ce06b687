//! `lotse precompress`: brotli (quality 11) and gzip (level 9) copies of the browser assets,
//! made once at build time. `/pkg` serves them to clients that accept them, so a 1.8 MB
//! WebAssembly file is never compressed per request.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

/// Assets worth compressing (images and fonts are compressed already).
const KINDS: [&str; 4] = ["js", "wasm", "css", "svg"];

pub fn precompress(dir: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let dir = dir.unwrap_or_else(|| PathBuf::from("target/site/pkg"));
    let mut count = 0;
    for entry in
        std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?
    {
        let path = entry?.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| KINDS.contains(&e));
        if wanted {
            compress(&path)?;
            count += 1;
        }
    }
    println!(
        "{count} Dateien in {} vorkomprimiert (.br, .gz).",
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn compress(path: &Path) -> anyhow::Result<()> {
    let data = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&data)?;
    write_beside(path, "gz", &gz.finish()?)?;
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut data.as_slice(), &mut br, &params)?;
    write_beside(path, "br", &br)
}

fn write_beside(path: &Path, suffix: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    std::fs::write(&name, bytes)
        .with_context(|| format!("cannot write {}", Path::new(&name).display()))
}
