//! `lotse precompress`: brotli (quality 11) and gzip (zopfli) copies of the browser assets,
//! made once at build time. `/pkg` serves them to clients that accept them, so a 1.8 MB
//! WebAssembly file is never compressed per request.

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
    write_beside(path, "gz", &gzip(&data)?)?;
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut data.as_slice(), &mut br, &params)?;
    write_beside(path, "br", &br)
}

/// A standard gzip stream, written by zopfli: about 5 % smaller than zlib's level 9 (the
/// WebAssembly file: 204.6 KB → 193.7 KB), which matters because browsers and the bench count
/// the gzip size. Costs about two seconds per build for the wasm file; more iterations than the
/// default 15 gain almost nothing.
fn gzip(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 2);
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        data,
        &mut out,
    )?;
    Ok(out)
}

fn write_beside(path: &Path, suffix: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    std::fs::write(&name, bytes)
        .with_context(|| format!("cannot write {}", Path::new(&name).display()))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    /// Something wasm-like: repetitive, but not trivially so.
    fn sample() -> Vec<u8> {
        let mut data = b"\0asm\x01\0\0\0".to_vec();
        for i in 0u32..2_000 {
            data.extend_from_slice(&i.wrapping_mul(2_654_435_761).to_le_bytes()[..2]);
            data.extend_from_slice(b"leptos::island");
        }
        data
    }

    #[test]
    fn gzip_roundtrips_through_a_standard_decoder() {
        let data = sample();
        let gz = super::gzip(&data).unwrap();
        assert_eq!(&gz[..2], &[0x1f, 0x8b], "gzip magic");
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn gzip_is_not_larger_than_zlib_best() {
        use std::io::Write;
        let data = sample();
        let mut zlib = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        zlib.write_all(&data).unwrap();
        assert!(super::gzip(&data).unwrap().len() <= zlib.finish().unwrap().len());
    }

    #[test]
    fn empty_input_is_a_valid_gzip_stream() {
        let gz = super::gzip(&[]).unwrap();
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_end(&mut back)
            .unwrap();
        assert!(back.is_empty());
    }
}
