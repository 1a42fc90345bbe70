//! A login token as a QR code in the terminal, for a phone to scan.

use qrcode::render::unicode::Dense1x2;
use qrcode::QrCode;

/// Renders `text` as a QR code of Unicode half blocks (two rows of modules per line).
pub fn render(text: &str) -> Result<String, qrcode::types::QrError> {
    let code = QrCode::new(text.as_bytes())?;
    Ok(code.render::<Dense1x2>().quiet_zone(true).build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn renders_a_square_of_blocks() {
        let art = super::render("mlt_example_token").unwrap();
        let lines: Vec<&str> = art.lines().collect();
        assert!(lines.len() > 10, "{art}");
        let width = lines[0].chars().count();
        assert!(lines.iter().all(|l| l.chars().count() == width));
        assert!(art.contains('█') || art.contains('▀') || art.contains('▄'));
    }
}
