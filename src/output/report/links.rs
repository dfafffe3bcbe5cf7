//! Provides the links a team taps in the field: a firm's position in the map apps people use
//! (Amap/Gaode and Baidu) to navigate there, and a call to the firm.
//!
//! The apps do not read WGS-84: Amap takes GCJ-02 and Baidu BD-09, so the firm's point is
//! converted first or the marker lands a few hundred metres off. Names come from the firm
//! register and are untrusted: they are percent-encoded into the URL, and the writers
//! HTML-escape the whole URL into the attribute.

use crate::model::Point;
use crate::spatial::bd09::gcj02_to_bd09;
use crate::spatial::gcj02::wgs84_to_gcj02;
use std::fmt::Write as _;

/// Who asks, as the Baidu URI API wants it (`webapp.company.app`) and Amap accepts.
const SOURCE: &str = "webapp.chayici.report";

/// A marker on Amap/Gaode at the firm's WGS-84 `point`; opens the app where installed
/// (`callnative=1`), the web map otherwise, both with a 路线/导航 button.
pub fn amap_marker_url(point: Point, name: &str) -> String {
    let g = wgs84_to_gcj02(point);
    format!(
        "https://uri.amap.com/marker?position={:.6},{:.6}&name={}&src={SOURCE}&coordinate=gaode&callnative=1",
        g.lon,
        g.lat,
        percent_encode(name)
    )
}

/// A marker on Baidu Maps at the firm's WGS-84 `point`, titled with its name and showing its
/// address; Baidu takes latitude first.
pub fn baidu_marker_url(point: Point, name: &str, address: &str) -> String {
    let b = gcj02_to_bd09(wgs84_to_gcj02(point));
    format!(
        "https://api.map.baidu.com/marker?location={:.6},{:.6}&coord_type=bd09ll&title={}&content={}&output=html&src={SOURCE}",
        b.lat,
        b.lon,
        percent_encode(name),
        percent_encode(address)
    )
}

/// A number to call: the text shown, and the `tel:` URL behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TelLink {
    /// The number as the register wrote it, trimmed.
    pub shown: String,
    /// `tel:` with only digits, a leading `+` and `-` kept.
    pub href: String,
}

/// The numbers in a register's phone cell, one link each. Registers often list two numbers in
/// one cell (`13800000000/0570-1234567`), so the cell is split at `/ , ; 、 ，；` and
/// whitespace between numbers; a part with fewer than five digits (an extension, a stray
/// note) gives no link. `None` or an empty cell gives none.
pub fn tel_links(phone: Option<&str>) -> Vec<TelLink> {
    let Some(cell) = phone else {
        return Vec::new();
    };
    cell.split(['/', ',', ';', '、', '，', '；', '\n'])
        .flat_map(|part| {
            let part = part.trim();
            // "0570 1234567" is one number, "13800000000 13900000000" two.
            if part.split_whitespace().all(|w| digits(w) >= 11) {
                part.split_whitespace().collect::<Vec<_>>()
            } else {
                vec![part]
            }
        })
        .filter_map(|part| {
            let href: String = part
                .chars()
                .enumerate()
                .filter(|&(i, c)| c.is_ascii_digit() || c == '-' || (c == '+' && i == 0))
                .map(|(_, c)| c)
                .collect();
            (digits(&href) >= 5).then(|| TelLink {
                shown: part.to_string(),
                href: format!("tel:{}", href.trim_matches('-')),
            })
        })
        .collect()
}

fn digits(s: &str) -> usize {
    s.chars().filter(char::is_ascii_digit).count()
}

/// Percent-encodes everything but RFC 3986's unreserved characters, byte by byte of UTF-8, so
/// a name cannot end its parameter (`&`, `#`), the URL (`"`, space) or the attribute.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = r#""><script>alert(1)</script>&name=x#y 'z' 百货"#;

    fn param<'a>(url: &'a str, key: &str) -> &'a str {
        let q = &url[url.find('?').unwrap() + 1..];
        q.split('&')
            .find_map(|kv| kv.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
            .unwrap()
    }

    fn decode(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hostile_names_stay_inside_their_parameter() {
        let p = Point::new(118.51, 28.90);
        for url in [
            amap_marker_url(p, HOSTILE),
            baidu_marker_url(p, HOSTILE, HOSTILE),
        ] {
            assert!(
                !url.contains(['<', '>', '"', '\'', ' ', '#']),
                "unsafe character in {url}"
            );
            let key = if url.contains("amap") {
                "name"
            } else {
                "title"
            };
            assert_eq!(decode(param(&url, key)), HOSTILE);
            assert!(!url.contains("&name=x"), "{url}");
        }
    }

    #[test]
    fn amap_gets_gcj02_longitude_first() {
        let url = amap_marker_url(Point::new(118.505, 28.904), "常山县");
        let pos = param(&url, "position");
        let (lon, lat) = pos.split_once(',').unwrap();
        let g = wgs84_to_gcj02(Point::new(118.505, 28.904));
        assert_eq!(lon, format!("{:.6}", g.lon));
        assert_eq!(lat, format!("{:.6}", g.lat));
        assert_eq!(param(&url, "name"), "%E5%B8%B8%E5%B1%B1%E5%8E%BF");
    }

    #[test]
    fn baidu_gets_bd09_latitude_first() {
        let w = Point::new(118.505, 28.904);
        let url = baidu_marker_url(w, "x", "y");
        let b = gcj02_to_bd09(wgs84_to_gcj02(w));
        assert_eq!(
            param(&url, "location"),
            format!("{:.6},{:.6}", b.lat, b.lon)
        );
        assert_eq!(param(&url, "coord_type"), "bd09ll");
        assert_eq!(param(&url, "output"), "html");
    }

    #[test]
    fn phone_cells_give_one_link_per_number() {
        assert!(tel_links(None).is_empty());
        assert!(tel_links(Some("  ")).is_empty());
        let links = tel_links(Some("13800000000/0570-1234567"));
        let hrefs: Vec<&str> = links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(hrefs, ["tel:13800000000", "tel:0570-1234567"]);
        assert_eq!(tel_links(Some("0570 1234567"))[0].href, "tel:05701234567");
        assert_eq!(
            tel_links(Some("+86 138 0000 0000"))[0].href,
            "tel:+8613800000000"
        );
        assert_eq!(tel_links(Some("13800000000 13900000000")).len(), 2);
        assert_eq!(
            tel_links(Some("王经理 13800000000（白天）"))[0].href,
            "tel:13800000000"
        );
    }

    #[test]
    fn hostile_phone_cells_give_only_digits() {
        let links = tel_links(Some(r#"138"><img src=x onerror=alert(1)>00000000"#));
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].href, "tel:138100000000");
        assert!(tel_links(Some("javascript:alert(1)")).is_empty());
    }
}
