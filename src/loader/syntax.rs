//! The syntax of typed text fields: links, DOIs, PubMed ids, years. Each check says
//! what is wrong, or `None`; the caller names the file, record and field.

use crate::text::echo;

/// The plausible years of a source or a regulatory date.
pub(super) const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// A web link: `http://` or `https://`, then a host name (letters, digits, hyphens and
/// dots, or an IPv6 address in brackets), an optional port, and an optional path.
/// A user name before the host (`https://nih.gov@example.com`) is refused: it makes
/// a link read as a host it does not go to.
pub(super) fn url_problem(url: &str) -> Option<String> {
    // The scheme, in any case, within the first eight bytes (no allocation).
    let head = url.get(..8).map(str::as_bytes);
    let rest = match head {
        Some(h) if h.eq_ignore_ascii_case(b"https://") => url.get(8..),
        Some(h)
            if h.get(..7)
                .is_some_and(|h| h.eq_ignore_ascii_case(b"http://")) =>
        {
            url.get(7..)
        }
        _ => None,
    };
    let Some(rest) = rest else {
        return Some(format!("`{}` is not an http(s) link", echo(url)));
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Some(format!(
            "`{}` names a user before its host, which disguises the host",
            echo(url)
        ));
    }
    let host = match authority.strip_prefix('[') {
        // An IPv6 literal: hex digits and colons, closed by `]`.
        Some(v6) => v6
            .split_once(']')
            .map(|(h, _)| h)
            .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit() || b == b':')),
        None => {
            let (host, port) = authority.split_once(':').unwrap_or((authority, "80"));
            let port_ok =
                !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit());
            let host_ok = !host.is_empty()
                && !host.starts_with(['.', '-'])
                && !host.ends_with(['-'])
                && !host.contains("..")
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
            Some(host).filter(|_| port_ok && host_ok)
        }
    };
    if host.is_none() {
        return Some(format!("`{}` has no valid host name", echo(url)));
    }
    if rest
        .bytes()
        .any(|b| b.is_ascii_whitespace() || b == b'"' || b == b'<' || b == b'>')
    {
        return Some(format!("`{}` holds a space or a quote", echo(url)));
    }
    None
}

/// A DOI as written in data: `10.<registrant digits>[.<digits>…]/<suffix>`, without a
/// `doi:` or `https://doi.org/` prefix; the suffix is printable, without spaces.
pub(super) fn doi_problem(doi: &str) -> Option<String> {
    let ok = doi
        .strip_prefix("10.")
        .and_then(|rest| rest.split_once('/'))
        .is_some_and(|(registrant, suffix)| {
            !registrant.is_empty()
                && registrant
                    .split('.')
                    .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
                && !suffix.is_empty()
                && suffix
                    .chars()
                    .all(|c| !c.is_whitespace() && !c.is_control())
        });
    (!ok).then(|| format!("`{}` is not a DOI", echo(doi)))
}

/// A PubMed id: 1 to 8 digits, no leading zero.
pub(super) fn pmid_problem(pmid: &str) -> Option<String> {
    let ok = (1..=8).contains(&pmid.len())
        && !pmid.starts_with('0')
        && pmid.bytes().all(|b| b.is_ascii_digit());
    (!ok).then(|| format!("`{}` is not a PubMed id", echo(pmid)))
}

/// An SPL set id: a UUID in its canonical 8-4-4-4-12 form of hex digits.
pub(super) fn set_id_problem(id: &str) -> Option<String> {
    let mut groups = id.split('-');
    let ok = [8, 4, 4, 4, 12].iter().all(|n| {
        groups
            .next()
            .is_some_and(|g| g.len() == *n && g.bytes().all(|b| b.is_ascii_hexdigit()))
    }) && groups.next().is_none();
    (!ok).then(|| format!("`{}` is not an SPL set id", echo(id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_ids() {
        assert_eq!(set_id_problem("d81a6a79-a74a-44b7-822c-0dfa3036eaed"), None);
        for bad in [
            "",
            "d81a6a79",
            "d81a6a79-a74a-44b7-822c-0dfa3036eaeg",
            "x-y-z-w-v",
        ] {
            assert!(set_id_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn links() {
        for good in [
            "https://www.fda.gov/drugs/x?y=1#z",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG/",
            "https://[2001:db8::1]:8080/x",
            "https://example.org:443/a",
        ] {
            assert_eq!(url_problem(good), None, "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "ftp://example.org",
            "https://",
            "https:///path",
            "https://nih.gov@example.com/",
            "https://exa mple.org",
            "https://example.org/a b",
            "https://-example.org",
            "https://example..org",
            "https://example.org:99999999",
            "file:///etc/passwd",
        ] {
            assert!(url_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn dois_and_pmids() {
        assert_eq!(doi_problem("10.1176/appi.ajp.2018.18020138"), None);
        assert_eq!(doi_problem("10.1000.10/abc(1)"), None);
        for bad in [
            "doi:10.1/x",
            "https://doi.org/10.1/x",
            "10./x",
            "10.12/",
            "11.1/x",
            "10.1/a b",
            "10.a/x",
        ] {
            assert!(doi_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(pmid_problem("29945463"), None);
        for bad in ["", "0123", "123456789", "12a", "-1"] {
            assert!(pmid_problem(bad).is_some(), "{bad}");
        }
    }
}
