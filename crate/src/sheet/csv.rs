//! CSV tables: UTF-8 with a byte-order mark when written (so Excel and WPS keep the Chinese), RFC 4180
//! quoting, every field read as text.

use super::{Cell, Table};

/// Most bytes of CSV read.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// Reads a CSV file named `name` into a table (every field as text).
pub fn read(name: &str, text: &str) -> Table {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = &text[..text.len().min(MAX_BYTES)];
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(Cell::Text(std::mem::take(&mut field))),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(Cell::Text(std::mem::take(&mut field)));
                rows.push(std::mem::take(&mut row));
            }
            (other, _) => field.push(other),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(Cell::Text(field));
        rows.push(row);
    }
    Table {
        name: name.to_string(),
        rows,
    }
}

/// The table as CSV text with a byte-order mark.
pub fn write(table: &Table) -> String {
    let mut out = String::from("\u{feff}");
    for row in &table.rows {
        let fields: Vec<String> = row
            .iter()
            .map(|cell| {
                let text = match cell {
                    Cell::Number(text) | Cell::Text(text) => text.as_str(),
                    _ => "",
                };
                if text.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", text.replace('"', "\"\""))
                } else {
                    text.to_string()
                }
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_quotes_commas_and_chinese() {
        let table = Table {
            name: "机构".into(),
            rows: vec![
                vec![Cell::Text("名称".into()), Cell::Text("a,\"b\"".into())],
                vec![Cell::Text("县医院".into()), Cell::Text("900".into())],
            ],
        };
        let text = write(&table);
        assert!(text.starts_with('\u{feff}'));
        assert_eq!(read("机构", &text), table);
    }
}
