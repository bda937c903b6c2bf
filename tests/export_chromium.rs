//! The HTML proof renders in a real browser: headless Chromium takes a screenshot of the
//! sample's proof and the picture is not blank. Runs only where `chromium` is installed
//! (Debian: `apt-get install chromium fonts-noto-cjk`); elsewhere it says so and passes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join("chromium")).find(|p| p.is_file())
}

#[test]
fn html_proof_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("proof.html");
    let o = Command::new(env!("CARGO_BIN_EXE_pasteup"))
        .args(["export", "layouts/taiyuan-2023-02-10.ron", "--layout", "docs/proof-sample.layout.ron"])
        .args(["--format", "html", "-o"])
        .arg(&html)
        .current_dir(path(""))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let shot = dir.path().join("shot.png");
    let profile = dir.path().join("profile");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1000,800",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", html.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium: {status:?}");

    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1000, 800));
    let bytes = &buf[..info.buffer_size()];
    let channels = info.color_type.samples();
    let pixels: Vec<&[u8]> = bytes.chunks(channels).collect();
    let first = pixels[0];
    let differing = pixels.iter().filter(|p| *p != &first).count();
    assert!(differing > pixels.len() / 100, "the screenshot is (almost) one colour");
    // Text was drawn: a fair share of dark pixels (ink), not just the page's paper colour.
    let dark = pixels.iter().filter(|p| p.iter().take(3).all(|&c| c < 96)).count();
    assert!(dark > pixels.len() / 200, "too little ink: {dark} dark pixels of {}", pixels.len());
}
