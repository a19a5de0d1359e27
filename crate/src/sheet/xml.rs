//! A small pull reader for the XML inside an .xlsx: elements, attributes, text and entities; namespace
//! prefixes dropped (`x:c` reads as `c`). It never recurses and bounds nothing it does not need to:
//! input size is bounded by the zip reader.

/// One event of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// An opening tag: name without prefix, attributes (name without prefix, unescaped value), and
    /// whether it closes itself (`<a/>`).
    Open {
        name: String,
        attributes: Vec<(String, String)>,
        empty: bool,
    },
    Close {
        name: String,
    },
    Text(String),
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Unescapes XML entities; unknown ones are kept as written.
pub fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        // An entity is at most 12 bytes (`&#x10FFFF;`): look for its `;` there only, so text full of
        // `&` with no `;` is read in one pass (a search to the end for each `&` was quadratic).
        // A name never holds another `&`: `&&amp;` is a lone `&`, then `&amp;`.
        let window = &after.as_bytes()[..after.len().min(13)];
        let Some(end) = window
            .iter()
            .skip(1)
            .position(|b| *b == b';' || *b == b'&')
            .map(|at| at + 1)
            .filter(|at| window[*at] == b';')
        else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let entity = &after[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if entity.starts_with("#x") => u32::from_str_radix(&entity[2..], 16)
                .ok()
                .and_then(char::from_u32),
            _ if entity.starts_with('#') => entity[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(ch) => out.push(ch),
            None => out.push_str(&after[..=end]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot carry are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn attributes(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(eq) = rest.find('=') {
        let name = local(rest[..eq].trim()).to_string();
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(end) = after[1..].find(quote) else {
            break;
        };
        found.push((name, unescape(&after[1..1 + end])));
        rest = &after[end + 2..];
    }
    found
}

/// The events of `text`, in order, read one at a time (a part of many small elements never becomes a
/// list of all of them in memory). Malformed markup ends the events early rather than failing.
pub fn events(text: &str) -> Events<'_> {
    Events {
        rest: text,
        pending: None,
    }
}

/// The pull reader [`events`] returns.
pub struct Events<'a> {
    rest: &'a str,
    /// A tag read after text that came first.
    pending: Option<Event>,
}

impl Iterator for Events<'_> {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if let Some(event) = self.pending.take() {
            return Some(event);
        }
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let Some(start) = self.rest.find('<') else {
                let text = unescape(self.rest);
                self.rest = "";
                return Some(Event::Text(text));
            };
            let before = &self.rest[..start];
            let tag = &self.rest[start..];
            let text = (start > 0).then(|| Event::Text(unescape(before)));
            let event = if let Some(body) = tag.strip_prefix("<![CDATA[") {
                let end = body.find("]]>").unwrap_or(body.len());
                self.rest = body.get(end + 3..).unwrap_or("");
                Some(Event::Text(body[..end].to_string()))
            } else if tag.starts_with("<!--") {
                self.rest = tag.find("-->").map(|e| &tag[e + 3..]).unwrap_or("");
                None
            } else {
                let Some(end) = tag.find('>') else {
                    self.rest = "";
                    return text;
                };
                let inner = &tag[1..end];
                self.rest = &tag[end + 1..];
                if inner.starts_with('?') || inner.starts_with('!') {
                    None
                } else if let Some(name) = inner.strip_prefix('/') {
                    Some(Event::Close {
                        name: local(name.trim()).to_string(),
                    })
                } else {
                    let empty = inner.ends_with('/');
                    let inner = inner.trim_end_matches('/');
                    let (name, attrs) =
                        inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
                    Some(Event::Open {
                        name: local(name).to_string(),
                        attributes: attributes(attrs),
                        empty,
                    })
                }
            };
            match (text, event) {
                (Some(text), event) => {
                    self.pending = event;
                    return Some(text);
                }
                (None, Some(event)) => return Some(event),
                (None, None) => continue,
            }
        }
    }
}

/// The value of attribute `name`.
pub fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_full_of_ampersands_is_read_in_one_pass() {
        // Two million `&` and no `;`: each once searched to the end of the text (hours for a workbook).
        let text = "&".repeat(2_000_000);
        assert_eq!(unescape(&text), text);
        let mixed = "&amp;&".repeat(100_000);
        assert_eq!(unescape(&mixed), "&&".repeat(100_000));
    }

    #[test]
    fn reads_elements_attributes_text_and_entities() {
        let events: Vec<Event> = events(
            r#"<?xml version="1.0"?><x:c r="A1" t='s'><v>1 &amp; &#x4E2D;&lt;</v><f/></x:c>"#,
        )
        .collect();
        assert_eq!(
            events,
            vec![
                Event::Open {
                    name: "c".into(),
                    attributes: vec![("r".into(), "A1".into()), ("t".into(), "s".into())],
                    empty: false
                },
                Event::Open {
                    name: "v".into(),
                    attributes: vec![],
                    empty: false
                },
                Event::Text("1 & 中<".into()),
                Event::Close { name: "v".into() },
                Event::Open {
                    name: "f".into(),
                    attributes: vec![],
                    empty: true
                },
                Event::Close { name: "c".into() },
            ]
        );
        assert_eq!(escape("a<b&\"c\u{1}"), "a&lt;b&amp;&quot;c");
    }

    #[test]
    fn a_part_of_millions_of_elements_is_read_without_holding_them() {
        // 6 million `<si/>` (a 51 KB workbook once took 700 MB as a list of events): counted one by one.
        let text = "<si/>".repeat(6_000_000);
        assert_eq!(events(&text).count(), 6_000_000);
        let text = "a<b>c</b><!-- x -->d";
        let names: Vec<Event> = events(text).collect();
        assert_eq!(names.len(), 5);
    }
}
