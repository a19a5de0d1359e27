//! The document tree a scenario file is read into, whatever its syntax (TOML or JSON).
//!
//! Numbers are kept as the text that was written (TOML floats as their shortest round-trip text), so a
//! decimal never passes through binary floating point on its way to the model. Size and depth are
//! bounded before and during parsing, so no file can exhaust memory or the stack.

use super::diagnostic::Diagnostic;

/// Largest scenario file accepted, in bytes.
/// 2 MiB: a county of several thousand institution entries (real files are tens of KB); parsing a file
/// takes about a hundred times its size in memory, so this bounds a hostile file to a few hundred MB.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
/// Deepest nesting of tables and arrays accepted.
pub const MAX_DEPTH: usize = 32;

/// A value of the document tree.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// Keys in file order.
    Table(Vec<(String, Node)>),
    Array(Vec<Node>),
    /// A number as written (for TOML floats, their shortest round-trip text; non-finite ones as
    /// `nan`/`inf`).
    Number(String),
    Text(String),
    Bool(bool),
    /// Something a scenario never holds (a date, a JSON null), named for the message.
    Other(&'static str),
}

impl Node {
    /// What kind of value this is, for messages: (Chinese, English).
    pub fn kind(&self) -> (&'static str, &'static str) {
        match self {
            Node::Table(_) => ("表", "table"),
            Node::Array(_) => ("数组", "array"),
            Node::Number(_) => ("数字", "number"),
            Node::Text(_) => ("文本", "text"),
            Node::Bool(_) => ("布尔值", "boolean"),
            Node::Other(name) => (name, name),
        }
    }

    /// The value as it would be written, shortened by the diagnostic.
    pub fn display(&self) -> String {
        match self {
            Node::Number(text) => text.clone(),
            Node::Text(text) => format!("\"{text}\""),
            Node::Bool(value) => value.to_string(),
            Node::Table(_) => "{…}".into(),
            // A short list of plain values as written; a long or nested one by its length.
            Node::Array(items)
                if items.len() <= 10
                    && items
                        .iter()
                        .all(|item| !matches!(item, Node::Table(_) | Node::Array(_))) =>
            {
                let shown: Vec<String> = items.iter().map(Node::display).collect();
                format!("[{}]", shown.join(", "))
            }
            Node::Array(items) => format!("[{} items]", items.len()),
            Node::Other(name) => (*name).into(),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Table(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Which syntax a file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Toml,
    Json,
}

/// Guesses the syntax: JSON when the first non-blank character opens an object.
pub fn detect_syntax(text: &str) -> Syntax {
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        Syntax::Json
    } else {
        Syntax::Toml
    }
}

/// Refuses text over [`MAX_FILE_BYTES`] or nested deeper than [`MAX_DEPTH`], before any parser runs.
pub(super) fn check_limits(text: &str) -> Result<(), Diagnostic> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "",
            &format!("{} bytes", text.len()),
            format!(
                "文件过大:{} 字节,最多允许 {} 字节",
                text.len(),
                MAX_FILE_BYTES
            ),
            format!(
                "file too large: {} bytes, at most {} allowed",
                text.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    match check_depth(text) {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// Walks a JSON text and fails at the first key that appears twice in one object (a JSON scenario must
/// say each thing once, as TOML does; serde_json's `Value` would keep the last silently).
pub(super) fn json_duplicate_key(text: &str) -> Option<Diagnostic> {
    use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};

    const DUPLICATE: &str = "duplicate key ";

    struct Unique;

    impl<'de> Deserialize<'de> for Unique {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(UniqueVisitor)
        }
    }

    struct UniqueVisitor;

    impl<'de> Visitor<'de> for UniqueVisitor {
        type Value = Unique;

        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("any JSON value")
        }
        fn visit_bool<E>(self, _: bool) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_str<E>(self, _: &str) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_unit<E>(self) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
            while seq.next_element::<Unique>()?.is_some() {}
            Ok(Unique)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
            let mut seen = std::collections::HashSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !seen.insert(key.clone()) {
                    return Err(A::Error::custom(format!("{DUPLICATE}`{key}`")));
                }
                map.next_value::<Unique>()?;
            }
            Ok(Unique)
        }
    }

    let error = serde_json::from_str::<Unique>(text).err()?;
    let message = error.to_string();
    let key = message
        .strip_prefix(DUPLICATE)?
        .split(" at line")
        .next()?
        .to_string();
    Some(Diagnostic::error(
        "",
        &key,
        format!(
            "JSON 中同一对象里的键 {key} 出现了两次(第 {} 行第 {} 列):每个键只能写一次",
            error.line(),
            error.column()
        ),
        format!(
            "the key {key} appears twice in one JSON object (line {}, column {}): write each key once",
            error.line(),
            error.column()
        ),
    ))
}

pub(super) fn json_error(error: &serde_json::Error) -> Diagnostic {
    let full = error.to_string();
    // serde_json appends " at line L column C", which the message says in its own words.
    let message = full.split(" at line ").next().unwrap_or(&full);
    const KNOWN: [(&str, &str); 16] = [
        ("EOF while parsing an object", "文件在对象 {…} 中途结束"),
        ("EOF while parsing a list", "文件在数组 […] 中途结束"),
        ("EOF while parsing a string", "文件在字符串中途结束"),
        ("EOF while parsing a value", "文件在值中途结束"),
        ("expected `,` or `}`", "此处应为 `,` 或 `}`"),
        ("expected `,` or `]`", "此处应为 `,` 或 `]`"),
        ("expected `:`", "此处应为 `:`"),
        ("expected value", "此处应为一个值"),
        ("expected ident", "此处应为 true、false 或 null"),
        ("trailing comma", "多了结尾的逗号"),
        ("key must be a string", "键必须是加引号的字符串"),
        ("invalid number", "数字有误"),
        ("number out of range", "数字超出范围"),
        ("invalid escape", "转义字符有误"),
        ("trailing characters", "对象结束后还有多余字符"),
        ("control character", "字符串中有控制字符"),
    ];
    let zh = KNOWN
        .iter()
        .find(|(en, _)| message.starts_with(en))
        .map_or_else(|| format!("语法错误({message})"), |(_, zh)| zh.to_string());
    Diagnostic::error(
        "",
        "",
        format!(
            "不是有效的 JSON:第 {} 行第 {} 列:{zh}",
            error.line(),
            error.column()
        ),
        format!(
            "not valid JSON: line {}, column {}: {message}",
            error.line(),
            error.column()
        ),
    )
}

/// Parses scenario text into a tree, or says why it cannot.
pub fn parse(text: &str) -> Result<Node, Diagnostic> {
    super::document::Document::from_text(text).map(|document| document.tree())
}

pub(super) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

/// Rejects nesting deeper than [`MAX_DEPTH`] before a parser recurses into it. Counts brackets and
/// braces outside strings and comments; over-counts never matter, as a scenario is shallow.
fn check_depth(text: &str) -> Option<Diagnostic> {
    let mut depth = 0usize;
    let mut in_string: Option<char> = None;
    let mut escaped = false;
    let mut in_comment = false;
    for ch in text.chars() {
        if in_comment {
            in_comment = ch != '\n';
            continue;
        }
        if let Some(quote) = in_string {
            if escaped {
                escaped = false;
            } else if ch == '\\' && quote == '"' {
                escaped = true;
            } else if ch == quote || ch == '\n' {
                in_string = None;
            }
            continue;
        }
        match ch {
            '"' | '\'' => in_string = Some(ch),
            '#' => in_comment = true,
            '[' | '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(Diagnostic::error(
                        "",
                        "",
                        format!("嵌套过深:超过 {MAX_DEPTH} 层"),
                        format!("nested too deeply: more than {MAX_DEPTH} levels"),
                    ));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The tree of a TOML table. Numbers keep the text they were written with.
pub(super) fn from_toml_table(table: &dyn toml_edit::TableLike) -> Node {
    Node::Table(
        table
            .iter()
            .map(|(key, item)| (key.to_string(), from_toml_item(item)))
            .collect(),
    )
}

fn from_toml_item(item: &toml_edit::Item) -> Node {
    match item {
        toml_edit::Item::None => Node::Other("none"),
        toml_edit::Item::Value(value) => from_toml_value(value),
        toml_edit::Item::Table(table) => from_toml_table(table),
        toml_edit::Item::ArrayOfTables(tables) => {
            Node::Array(tables.iter().map(|t| from_toml_table(t)).collect())
        }
    }
}

fn from_toml_value(value: &toml_edit::Value) -> Node {
    use toml_edit::Value;
    match value {
        Value::String(text) => Node::Text(text.value().clone()),
        Value::Integer(number) => Node::Number(number.value().to_string()),
        Value::Float(number) => {
            let float = *number.value();
            Node::Number(if float.is_nan() {
                "nan".into()
            } else if float.is_infinite() {
                "inf".into()
            } else {
                // The digits as written (0.03 stays 0.03), without TOML's underscores.
                number.display_repr().replace('_', "")
            })
        }
        Value::Boolean(flag) => Node::Bool(*flag.value()),
        Value::Datetime(_) => Node::Other("日期时间/datetime"),
        Value::Array(items) => Node::Array(items.iter().map(from_toml_value).collect()),
        Value::InlineTable(table) => from_toml_table(table),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_floats_keep_their_written_digits() {
        let node = parse("a = 0.03\nb = 1100\nc = 2.675").unwrap();
        assert_eq!(node.get("a"), Some(&Node::Number("0.03".into())));
        assert_eq!(node.get("b"), Some(&Node::Number("1100".into())));
        assert_eq!(node.get("c"), Some(&Node::Number("2.675".into())));
    }

    #[test]
    fn json_numbers_are_exact_text() {
        let node = parse(r#"{"a": 0.1, "b": 12345678901234567890.12}"#).unwrap();
        assert_eq!(node.get("a"), Some(&Node::Number("0.1".into())));
        assert_eq!(
            node.get("b"),
            Some(&Node::Number("12345678901234567890.12".into()))
        );
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let deep = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
        let error = parse(&deep).unwrap_err();
        assert!(error.message_en.contains("nested too deeply"));
        let deep_json = format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
        assert!(parse(&deep_json).is_err());
    }

    #[test]
    fn json_syntax_errors_read_in_chinese() {
        let zh = |text: &str| {
            let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            json_error(&error).message_zh
        };
        assert_eq!(
            zh("{\"a\": 1,}"),
            "不是有效的 JSON:第 1 行第 9 列:多了结尾的逗号"
        );
        assert_eq!(
            zh("{\"a\": [1, 2"),
            "不是有效的 JSON:第 1 行第 11 列:文件在数组 […] 中途结束"
        );
        assert!(zh("{a: 1}").contains("键必须是加引号的字符串"));
        assert!(zh("{\"a\" 1}").contains("此处应为 `:`"));
        assert!(!zh("{\"a\": 1} x").contains("at line"));
    }
}
