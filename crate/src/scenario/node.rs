//! The document tree a scenario file is read into, whatever its syntax (TOML or JSON), and the
//! `--set PATH=VALUE` overrides applied to it.
//!
//! Numbers are kept as the text that was written (TOML floats as their shortest round-trip text), so a
//! decimal never passes through binary floating point on its way to the model. Size and depth are
//! bounded before and during parsing, so no file can exhaust memory or the stack.

use super::diagnostic::Diagnostic;

/// Largest scenario file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
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

/// Parses scenario text into a tree, or says why it cannot.
pub fn parse(text: &str) -> Result<Node, Diagnostic> {
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
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(depth_error) = check_depth(text) {
        return Err(depth_error);
    }
    match detect_syntax(text) {
        Syntax::Json => {
            let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
                Diagnostic::error(
                    "",
                    "",
                    format!(
                        "不是有效的 JSON:第 {} 行第 {} 列:{}",
                        error.line(),
                        error.column(),
                        error
                    ),
                    format!(
                        "not valid JSON: line {}, column {}: {}",
                        error.line(),
                        error.column(),
                        error
                    ),
                )
            })?;
            Ok(from_json(&value))
        }
        Syntax::Toml => {
            let table: toml::Table = text.parse().map_err(|error: toml::de::Error| {
                let message = error.message().to_string();
                let location = error
                    .span()
                    .map(|span| line_and_column(text, span.start))
                    .map(|(line, column)| {
                        (
                            format!("第 {line} 行第 {column} 列:"),
                            format!("line {line}, column {column}: "),
                        )
                    })
                    .unwrap_or_default();
                Diagnostic::error(
                    "",
                    "",
                    format!("不是有效的 TOML:{}{}", location.0, message),
                    format!("not valid TOML: {}{}", location.1, message),
                )
            })?;
            Ok(from_toml_table(&table))
        }
    }
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
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
            '\n' => {
                // A TOML table header `[a]` closes on its own line; keep the count honest.
            }
            _ => {}
        }
    }
    None
}

fn from_toml_table(table: &toml::Table) -> Node {
    Node::Table(
        table
            .iter()
            .map(|(key, value)| (key.clone(), from_toml(value)))
            .collect(),
    )
}

fn from_toml(value: &toml::Value) -> Node {
    match value {
        toml::Value::String(text) => Node::Text(text.clone()),
        toml::Value::Integer(number) => Node::Number(number.to_string()),
        toml::Value::Float(number) => Node::Number(if number.is_finite() {
            number.to_string()
        } else if number.is_nan() {
            "nan".into()
        } else {
            "inf".into()
        }),
        toml::Value::Boolean(flag) => Node::Bool(*flag),
        toml::Value::Datetime(_) => Node::Other("日期时间/datetime"),
        toml::Value::Array(items) => Node::Array(items.iter().map(from_toml).collect()),
        toml::Value::Table(table) => from_toml_table(table),
    }
}

fn from_json(value: &serde_json::Value) -> Node {
    match value {
        serde_json::Value::Null => Node::Other("null"),
        serde_json::Value::Bool(flag) => Node::Bool(*flag),
        serde_json::Value::Number(number) => Node::Number(number.to_string()),
        serde_json::Value::String(text) => Node::Text(text.clone()),
        serde_json::Value::Array(items) => Node::Array(items.iter().map(from_json).collect()),
        serde_json::Value::Object(map) => {
            Node::Table(map.iter().map(|(k, v)| (k.clone(), from_json(v))).collect())
        }
    }
}

/// Applies one `PATH=VALUE` override. The value is read as a TOML value (`3000`, `[3000, 4000]`,
/// `true`, `"text"`); anything that is not valid TOML is taken as text. Missing tables on the path are
/// created; an array index must exist.
pub fn apply_override(root: &mut Node, assignment: &str) -> Result<(), Diagnostic> {
    let Some((path, raw_value)) = assignment.split_once('=') else {
        return Err(Diagnostic::error(
            "",
            assignment,
            "覆盖项应写成 路径=值,例如 levers.per_bed_subsidy_yuan=4000",
            "an override is PATH=VALUE, for example levers.per_bed_subsidy_yuan=4000",
        ));
    };
    let path = path.trim();
    let value = parse_override_value(raw_value.trim());
    let segments: Vec<&str> = path.split('.').collect();
    if path.is_empty() || segments.iter().any(|s| s.is_empty()) {
        return Err(Diagnostic::error(
            path,
            raw_value,
            "路径为空或含空段",
            "the path is empty or has an empty segment",
        ));
    }
    let mut node = root;
    for (index, segment) in segments.iter().enumerate() {
        let last = index + 1 == segments.len();
        let walked = segments[..=index].join(".");
        node = match node {
            Node::Table(entries) => {
                let position = match entries.iter().position(|(k, _)| k == segment) {
                    Some(position) => position,
                    None => {
                        entries.push((segment.to_string(), Node::Table(Vec::new())));
                        entries.len() - 1
                    }
                };
                &mut entries[position].1
            }
            Node::Array(items) => {
                let count = items.len();
                let Some(item) = segment
                    .parse::<usize>()
                    .ok()
                    .filter(|i| *i < count)
                    .map(|i| &mut items[i])
                else {
                    return Err(Diagnostic::error(
                        &walked,
                        segment,
                        format!(
                            "数组下标无效:应为 0 到 {} 之间的整数",
                            count.saturating_sub(1)
                        ),
                        format!(
                            "invalid array index: expected a whole number from 0 to {}",
                            count.saturating_sub(1)
                        ),
                    ));
                };
                item
            }
            other => {
                let (zh, en) = other.kind();
                return Err(Diagnostic::error(
                    &walked,
                    &other.display(),
                    format!("此处是{zh},不能再向下设置"),
                    format!("this is a {en}; nothing can be set below it"),
                ));
            }
        };
        if last {
            *node = value;
            return Ok(());
        }
    }
    Ok(())
}

fn parse_override_value(raw: &str) -> Node {
    let wrapped = format!("value = {raw}");
    match wrapped.parse::<toml::Table>() {
        Ok(table) => table
            .get("value")
            .map(from_toml)
            .unwrap_or_else(|| Node::Text(raw.to_string())),
        Err(_) => Node::Text(raw.to_string()),
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
    fn overrides_set_numbers_arrays_and_text() {
        let mut node = parse("[levers]\nx = 1\n[[communities]]\nname = \"a\"").unwrap();
        apply_override(&mut node, "levers.x=[1, 2]").unwrap();
        apply_override(&mut node, "communities.0.name=县医院").unwrap();
        apply_override(&mut node, "reform.y=3").unwrap();
        assert_eq!(
            node.get("levers").unwrap().get("x"),
            Some(&Node::Array(vec![
                Node::Number("1".into()),
                Node::Number("2".into())
            ]))
        );
        let Node::Array(items) = node.get("communities").unwrap() else {
            panic!()
        };
        assert_eq!(items[0].get("name"), Some(&Node::Text("县医院".into())));
        assert_eq!(
            node.get("reform").unwrap().get("y"),
            Some(&Node::Number("3".into()))
        );
        assert!(apply_override(&mut node, "communities.5.name=x").is_err());
        assert!(apply_override(&mut node, "nonsense").is_err());
    }
}
