//! CSV tables: UTF-8 with a byte-order mark when written (so Excel and WPS keep the Chinese), RFC 4180
//! quoting, every field read as text.

use super::{Cell, Table};

/// Most bytes of CSV accepted; a larger file is refused by name (`county::read_files`), never cut.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// Reads a CSV file named `name` into a table (every field as text), or the (row, column), 1-based, of
/// the first field beyond the workbook's limits (`xlsx::MAX_ROWS` rows, `xlsx::MAX_COLUMNS` columns):
/// 8 MB of line breaks alone would otherwise be 8 million rows (gigabytes), so it is refused, not cut.
pub fn read(name: &str, text: &str) -> Result<Table, (usize, usize)> {
    use super::xlsx::{MAX_COLUMNS, MAX_ROWS};
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel's "Unicode text" separates fields with tabs: a first line with tabs and no commas says so.
    let first_line = text.lines().next().unwrap_or("");
    let separator = if first_line.contains('\t') && !first_line.contains(',') {
        '\t'
    } else {
        ','
    };
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
            (c, false) if c == separator => {
                row.push(Cell::Text(unneutralised(std::mem::take(&mut field))));
                if row.len() > MAX_COLUMNS {
                    return Err((rows.len() + 1, row.len()));
                }
            }
            ('\r', false) => {}
            ('\n', false) => {
                row.push(Cell::Text(unneutralised(std::mem::take(&mut field))));
                rows.push(std::mem::take(&mut row));
                if rows.len() > MAX_ROWS {
                    return Err((rows.len(), 1));
                }
            }
            (other, _) => field.push(other),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(Cell::Text(unneutralised(field)));
        rows.push(row);
    }
    Ok(Table {
        name: name.to_string(),
        rows,
    })
}

/// Characters that make Excel or WPS read a cell as a formula when they start it.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Text a spreadsheet would take for a formula (`=HYPERLINK(…)`, `+1+1`, `@SUM(…)`) gets a leading
/// apostrophe, so a shared file or a pasted table can never run a formula on the planner's machine
/// (numbers, `-5` included, are left alone; [`read`] takes the apostrophe off again).
fn neutralised(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) && crate::scenario::fields::parse_decimal(text).is_none() {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// One CSV field: [`neutralised`], then quoted when it must be (RFC 4180).
pub fn field(text: &str) -> String {
    let neutral = neutralised(text);
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral.into_owned()
    }
}

/// Rows of text as tab-separated lines, what a spreadsheet takes from the clipboard (the page's "copy
/// table"): a tab or line break inside a cell becomes a space, and formula-leading text is
/// [`neutralised`].
pub fn tab_separated(rows: &[Vec<String>]) -> String {
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|cell| {
                    let flat = cell.replace(['\t', '\n', '\r'], " ");
                    neutralised(flat.trim()).into_owned()
                })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A field as written by [`field`], back to its text: the apostrophe that neutralised a formula is
/// taken off.
fn unneutralised(text: String) -> String {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest.to_string(),
        _ => text,
    }
}

/// The table as CSV text with a byte-order mark.
pub fn write(table: &Table) -> String {
    let mut out = String::from("\u{feff}");
    for row in &table.rows {
        let fields: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Number(text) | Cell::Text(text) => field(text),
                _ => String::new(),
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
    fn formulas_are_written_as_text_and_read_back_as_written() {
        let names = [
            "=HYPERLINK(\"http://x\",\"点我\")",
            "=1+1",
            "@SUM(A1:A2)",
            "+1+1",
            "-1+1",
            "\t=1",
        ];
        let table = Table {
            name: "机构".into(),
            rows: vec![
                names.iter().map(|n| Cell::Text(n.to_string())).collect(),
                vec![Cell::Number("-5".into())],
            ],
        };
        let text = write(&table);
        // No field starts with a formula character once the quoting is undone.
        for line in text.trim_start_matches('\u{feff}').lines() {
            for cell in line.split(',') {
                let bare = cell.trim_start_matches('"');
                assert!(!bare.starts_with(['=', '+', '@']), "{cell} in {text}");
            }
        }
        assert!(text.contains("\r\n-5\r\n"), "numbers stay numbers: {text}");
        let back = read("机构", &text).unwrap();
        let texts: Vec<&str> = back.rows[0]
            .iter()
            .map(|cell| match cell {
                Cell::Text(t) => t.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(texts, names);
    }

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
        assert_eq!(read("机构", &text).unwrap(), table);
    }

    #[test]
    fn copied_tables_neutralise_formulas_and_keep_numbers() {
        let rows = vec![
            vec!["指标".to_string(), "2029".to_string()],
            vec!["=HYPERLINK(\"x\")".to_string(), "-1.5".to_string()],
            vec!["a\tb\nc".to_string(), "+".to_string()],
        ];
        assert_eq!(
            tab_separated(&rows),
            "指标\t2029\n'=HYPERLINK(\"x\")\t-1.5\na b c\t'+"
        );
    }
}
