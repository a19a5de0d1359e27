//! The scenario as an editable document: the user's own TOML text, comments and layout kept, with
//! `PATH=VALUE` edits applied in place.
//!
//! The command line's `--set` and the page's levers both edit through [`Document::set`], so a saved file
//! is the file the user opened with only the changed values rewritten. A JSON file is turned into the
//! equivalent TOML document when opened (JSON has no comments to keep).

use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::diagnostic::Diagnostic;
use super::node::{self, Node, Syntax};

/// An editable scenario document.
#[derive(Clone, Debug)]
pub struct Document {
    toml: DocumentMut,
}

/// Parses TOML text, with the error's line and column in the message.
pub(super) fn parse_toml(text: &str) -> Result<DocumentMut, Diagnostic> {
    text.parse::<DocumentMut>().map_err(|error| {
        let message = error.message().to_string();
        let (zh_at, en_at) = error
            .span()
            .map(|span| node::line_and_column(text, span.start))
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
            format!("不是有效的 TOML:{zh_at}{}", toml_message_zh(&message)),
            format!("not valid TOML: {en_at}{message}"),
        )
    })
}

/// The TOML parser's message (toml_edit writes English: "what is wrong, expected what") in Chinese.
/// A message it does not know keeps the English in brackets after a Chinese summary.
fn toml_message_zh(message: &str) -> String {
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    const WHAT: [(&str, &str); 24] = [
        ("string values must be quoted", "文字值必须加引号"),
        ("duplicate key", "键重复出现"),
        ("invalid basic string", "字符串有误或未闭合"),
        ("invalid literal string", "单引号字符串有误或未闭合"),
        ("invalid multi-line basic string", "多行字符串有误或未闭合"),
        (
            "invalid multi-line literal string",
            "多行单引号字符串有误或未闭合",
        ),
        ("unclosed array", "数组未闭合"),
        ("unclosed inline table", "内联表未闭合"),
        ("unclosed table", "表头未闭合"),
        ("key with no value", "键后没有值"),
        ("unexpected leading zero", "数字不能以 0 开头"),
        ("invalid exponent", "指数有误"),
        ("invalid fraction", "小数部分有误"),
        ("invalid boolean", "布尔值有误"),
        ("invalid float", "小数有误"),
        ("invalid integer", "整数有误"),
        ("integer number overflowed", "整数过大"),
        ("unquoted keys cannot be empty", "键不能为空"),
        ("invalid unquoted key", "键含有不允许的字符"),
        ("`_` may only go between digits", "`_` 只能写在数字之间"),
        ("missing escaped value", "转义字符有误"),
        ("invalid date", "日期有误"),
        ("extra comma in array", "数组中多了逗号"),
        ("invalid table header", "表头有误"),
    ];
    const EXPECTED: [(&str, &str); 7] = [
        ("literal string", "加引号的文字"),
        ("digits", "数字"),
        ("nothing", "不再有字符"),
        ("letters, numbers, `-`, `_`", "字母、数字、`-` 或 `_`"),
        ("value", "一个值"),
        ("month between 01 and 12", "01 到 12 之间的月份"),
        (
            "non-double-quote visible characters, `\\`",
            "可见字符或 `\\`",
        ),
    ];
    let zh_what = WHAT
        .iter()
        .find(|(en, _)| what.trim() == *en)
        .map(|(_, zh)| zh.to_string());
    let zh_expected = expected.map(|expected| {
        let expected = expected.trim();
        EXPECTED
            .iter()
            .find(|(en, _)| expected == *en)
            .map(|(_, zh)| zh.to_string())
            // Tokens in backticks (`=`, `]`, `true`) read the same in both languages.
            .unwrap_or_else(|| expected.replace(", ", "、"))
    });
    match (zh_what, zh_expected) {
        (Some(what), Some(expected)) => format!("{what},此处应为{expected}"),
        (Some(what), None) => what,
        (None, _) => format!("语法错误({message})"),
    }
}

impl Document {
    /// Reads scenario text (TOML, or JSON turned into TOML), bounded in size and nesting.
    pub fn from_text(text: &str) -> Result<Document, Diagnostic> {
        node::check_limits(text)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let toml = match node::detect_syntax(text) {
            Syntax::Toml => parse_toml(text)?,
            Syntax::Json => {
                if let Some(duplicate) = node::json_duplicate_key(text) {
                    return Err(duplicate);
                }
                let value: serde_json::Value =
                    serde_json::from_str(text).map_err(|error| node::json_error(&error))?;
                let serde_json::Value::Object(map) = value else {
                    return Err(Diagnostic::error(
                        "",
                        "",
                        "JSON 方案应为一个对象 {…}",
                        "a JSON scenario is one object {…}",
                    ));
                };
                let mut document = DocumentMut::new();
                *document.as_table_mut() = json_table(&map, "")?;
                document
            }
        };
        Ok(Document { toml })
    }

    /// The document as TOML text.
    pub fn text(&self) -> String {
        self.toml.to_string()
    }

    /// The document tree the reader validates.
    pub fn tree(&self) -> Node {
        node::from_toml_table(self.toml.as_table())
    }

    /// Removes the lever settings of the `[reform]` table (keeping its title), so the reform equals
    /// today's levers. Returns whether anything was removed.
    pub fn clear_reform(&mut self) -> bool {
        let Some(reform) = self
            .toml
            .get_mut("reform")
            .and_then(Item::as_table_like_mut)
        else {
            return false;
        };
        let keys: Vec<String> = reform
            .iter()
            .map(|(key, _)| key.to_string())
            .filter(|key| key != "title")
            .collect();
        for key in &keys {
            reform.remove(key);
        }
        !keys.is_empty()
    }

    /// Applies `PATH=VALUE` (the syntax of `ygt run --set`).
    pub fn set_assignment(&mut self, assignment: &str) -> Result<(), Diagnostic> {
        let Some((path, value)) = assignment.split_once('=') else {
            return Err(Diagnostic::error(
                "",
                assignment,
                "覆盖项应写成 路径=值,例如 reform.per_bed_subsidy_yuan=4000",
                "an override is PATH=VALUE, for example reform.per_bed_subsidy_yuan=4000",
            ));
        };
        self.set(path.trim(), value.trim())
    }

    /// Sets the value at a dotted path (`communities.0.insured_residents`). The value is read as a
    /// TOML value (`3000`, `[3000, 4000]`, `true`, `"text"`); anything else is taken as text. Missing
    /// tables on the way are created; array indices must exist. A comment after the old value stays.
    pub fn set(&mut self, path: &str, raw_value: &str) -> Result<(), Diagnostic> {
        let segments = segments_of(path)?;
        if path.is_empty() || segments.iter().any(|s| s.is_empty()) {
            return Err(Diagnostic::error(
                path,
                raw_value,
                "路径为空或含空段",
                "the path is empty or has an empty segment",
            ));
        }
        let value = parse_value(raw_value);
        // Text that starts like a quoted string, a list or a table but does not read as one is a
        // mistake to show, not text to keep with its quotes.
        if value.as_str() == Some(raw_value)
            && raw_value.trim_start().starts_with(['"', '\'', '[', '{'])
        {
            let (zh, en) = match parse_toml(&format!("value = {raw_value}")) {
                Err(diagnostic) => (diagnostic.message_zh, diagnostic.message_en),
                Ok(_) => ("不是有效的值".to_string(), "not a valid value".to_string()),
            };
            return Err(Diagnostic::error(path, raw_value, zh, en));
        }
        set_in(self.toml.as_table_mut(), &segments, 0, value)?;
        // A county input the user sets is the county's own figure from now on: no longer an estimate.
        if segments[0] == "county" || segments[0] == "communities" {
            self.unmark_estimate(path);
        }
        Ok(())
    }

    /// An empty scenario (`format_version = 1`) under a comment (one or more lines), built with
    /// [`Document::put`] and [`Document::push_entry`]: how the project writes every scenario it makes
    /// (new counties, spreadsheet imports, new institutions and communities), so no scenario text is
    /// put together by hand.
    pub fn new(comment: &str) -> Document {
        let mut toml = DocumentMut::new();
        toml.insert("format_version", toml_edit::value(1));
        let comment: String = comment
            .lines()
            .map(|line| {
                // Control characters cannot be in a comment: they become spaces.
                let line: String = line
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                format!("# {line}\n")
            })
            .collect();
        toml.decor_mut().set_prefix(comment + "\n");
        Document { toml }
    }

    /// Puts `value` at a dotted path of a document being built (tables created on the way). Unlike
    /// [`Document::set`], a value put is not the user's own figure: estimate marks stay as they are.
    pub fn put(&mut self, path: &str, value: Value) -> Result<(), Diagnostic> {
        let segments = segments_of(path)?;
        set_in(self.toml.as_table_mut(), &segments, 0, value)
    }

    /// Appends an entry of `values` (key, value) to the array of tables at `path` (for example
    /// `communities.0.institutions`; created when there is none yet). The estimated inputs of the new
    /// entry are given as keys relative to it. Returns the entry's index.
    pub fn push_entry(
        &mut self,
        path: &str,
        values: &[(&str, Value)],
        estimated_keys: &[&str],
    ) -> Result<usize, Diagnostic> {
        let mut entry = Table::new();
        for (key, value) in values {
            entry.insert(key, Item::Value(value.clone()));
        }
        if !path.contains('.') && self.toml.get(path).is_none() {
            self.toml
                .insert(path, Item::ArrayOfTables(ArrayOfTables::new()));
        } else if let Some((parent, key)) = path.rsplit_once('.') {
            if self.tables_at(path).is_err() && self.table_at(parent)?.get(key).is_none() {
                self.table_at(parent)?
                    .insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
            }
        }
        let tables = self.tables_at(path)?;
        tables.push(entry);
        let index = tables.len() - 1;
        let marks: Vec<String> = estimated_keys
            .iter()
            .map(|key| format!("{path}.{index}.{key}"))
            .collect();
        self.mark_estimates(&marks);
        Ok(index)
    }

    /// Removes entry `index` of the array of tables at `path`; estimated-input marks follow the entries
    /// that move up.
    pub fn remove_entry(&mut self, path: &str, index: usize) -> Result<(), Diagnostic> {
        let tables = self.tables_at(path)?;
        if index >= tables.len() {
            return Err(Diagnostic::error(
                path,
                &index.to_string(),
                format!("没有第 {index} 项(共 {} 项)", tables.len()),
                format!("there is no entry {index} (there are {})", tables.len()),
            ));
        }
        tables.remove(index);
        let prefix = format!("{path}.");
        self.rewrite_estimates(|mark| {
            let Some(rest) = mark.strip_prefix(&prefix) else {
                return Some(mark.to_string());
            };
            let (number, tail) = rest.split_once('.').unwrap_or((rest, ""));
            match number.parse::<usize>() {
                Ok(n) if n == index => None,
                Ok(n) if n > index => Some(format!(
                    "{prefix}{}{}{tail}",
                    n - 1,
                    if tail.is_empty() { "" } else { "." }
                )),
                _ => Some(mark.to_string()),
            }
        });
        Ok(())
    }

    /// The edits (`path`, TOML value text) that turn `base` into this document, for a short share link,
    /// or `None` when no list of edits can (a key or an entry of `base` is missing here). Edits under
    /// `meta` come last, so the estimate marks end as this document has them. Checked: applying them
    /// to `base` gives this document's tree, or `None`.
    pub fn edits_from(&self, base: &Document) -> Option<Vec<(String, String)>> {
        fn walk(
            current: &dyn TableLike,
            base: &dyn TableLike,
            path: &str,
            out: &mut Vec<(String, String)>,
        ) -> Option<()> {
            if base.iter().any(|(key, _)| current.get(key).is_none()) {
                return None;
            }
            for (key, item) in current.iter() {
                let here = if path.is_empty() {
                    key.to_string()
                } else {
                    format!("{path}.{key}")
                };
                match (item, base.get(key)) {
                    (Item::Table(a), Some(Item::Table(b))) => walk(a, b, &here, out)?,
                    (Item::Table(a), None) => walk(a, &Table::new(), &here, out)?,
                    (Item::ArrayOfTables(a), Some(Item::ArrayOfTables(b)))
                        if a.len() == b.len() =>
                    {
                        for (index, (x, y)) in a.iter().zip(b.iter()).enumerate() {
                            walk(x, y, &format!("{here}.{index}"), out)?;
                        }
                    }
                    (Item::Value(a), other) => {
                        let mut a = a.clone();
                        a.decor_mut().clear();
                        let same = match other {
                            Some(Item::Value(b)) => {
                                let mut b = b.clone();
                                b.decor_mut().clear();
                                a.to_string() == b.to_string()
                            }
                            _ => false,
                        };
                        if !same {
                            out.push((here, a.to_string()));
                        }
                    }
                    _ => return None,
                }
            }
            Some(())
        }
        let mut edits = Vec::new();
        walk(self.toml.as_table(), base.toml.as_table(), "", &mut edits)?;
        edits.sort_by_key(|(path, _)| path.starts_with("meta."));
        let mut rebuilt = Document {
            toml: base.toml.clone(),
        };
        rebuilt.apply_edits(&edits).ok()?;
        (rebuilt.tree() == self.tree()).then_some(edits)
    }

    /// Applies edits made by [`Document::edits_from`].
    pub fn apply_edits(&mut self, edits: &[(String, String)]) -> Result<(), Diagnostic> {
        for (path, value) in edits {
            self.set(path, value)?;
        }
        Ok(())
    }

    /// The table at a dotted path (through tables and indexed entries of arrays of tables).
    fn table_at(&mut self, path: &str) -> Result<&mut dyn TableLike, Diagnostic> {
        let not_a_table = || Diagnostic::error(path, "", "此处不是表", "this is not a table");
        let segments: Vec<&str> = path.split('.').collect();
        let mut table: &mut dyn TableLike = self.toml.as_table_mut();
        let mut position = 0;
        while position < segments.len() {
            let item = table.get_mut(segments[position]).ok_or_else(not_a_table)?;
            table = match item {
                Item::Table(child) => {
                    position += 1;
                    child
                }
                Item::ArrayOfTables(entries) => {
                    let index = segments
                        .get(position + 1)
                        .and_then(|s| s.parse::<usize>().ok())
                        .ok_or_else(not_a_table)?;
                    position += 2;
                    entries.get_mut(index).ok_or_else(not_a_table)?
                }
                _ => return Err(not_a_table()),
            };
        }
        Ok(table)
    }

    /// The array of tables at a dotted path (through tables and indexed entries of arrays of tables).
    fn tables_at(&mut self, path: &str) -> Result<&mut ArrayOfTables, Diagnostic> {
        let not_a_list = || {
            Diagnostic::error(
                path,
                "",
                "此处不是条目列表",
                "this is not a list of entries",
            )
        };
        let segments: Vec<&str> = path.split('.').collect();
        let mut table: &mut dyn TableLike = self.toml.as_table_mut();
        let mut position = 0;
        loop {
            let item = table.get_mut(segments[position]).ok_or_else(not_a_list)?;
            if position + 1 == segments.len() {
                return item.as_array_of_tables_mut().ok_or_else(not_a_list);
            }
            table = match item {
                Item::Table(child) => {
                    position += 1;
                    child
                }
                Item::ArrayOfTables(entries) => {
                    let index = segments[position + 1]
                        .parse::<usize>()
                        .map_err(|_| not_a_list())?;
                    position += 2;
                    if position == segments.len() {
                        return Err(not_a_list());
                    }
                    entries.get_mut(index).ok_or_else(not_a_list)?
                }
                _ => return Err(not_a_list()),
            };
        }
    }

    /// Puts the county of `imported` (its `[county]` and `[[communities]]`) in place of this document's,
    /// keeping everything else: title, levers, reform, assumptions. An input marked as an estimate stays
    /// marked if the import left its value as it was, and is unmarked if the import changed it. Returns
    /// the paths whose values changed (added and removed ones included), in file order.
    pub fn replace_county(&mut self, imported: &Document) -> Vec<String> {
        let before = county_leaves(&self.tree());
        let after = county_leaves(&imported.tree());
        // A value as the model reads it: numbers compared as numbers (0.50 is 0.5), and a field left
        // out as its default (an import writes every field).
        let normal = |value: &str| match super::fields::parse_decimal(value) {
            Some(number) => number.normalize().to_string(),
            None => value.to_string(),
        };
        let value_of = |leaves: &[(String, String)], path: &str| -> Option<String> {
            let written = leaves
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, v)| v.clone());
            let value = written.or_else(|| {
                let key = path.rsplit('.').next()?;
                super::fields::default_of(key).map(|default| default.to_string())
            })?;
            Some(normal(&value))
        };
        let changed_paths: Vec<String> = after
            .iter()
            .filter(|(path, _)| value_of(&before, path) != value_of(&after, path))
            .map(|(path, _)| path.clone())
            .chain(
                before
                    .iter()
                    .filter(|(path, _)| value_of(&after, path).is_none())
                    .map(|(path, _)| path.clone()),
            )
            .collect();
        // The same institutions in the same places: only the values the sheet changed are rewritten, so
        // the file keeps its comments and layout. Otherwise the county's tables are replaced whole.
        let shape = |leaves: &[(String, String)]| -> Vec<String> {
            leaves
                .iter()
                .filter(|(path, _)| path.ends_with(".name") || path.ends_with(".tier"))
                .map(|(path, value)| format!("{path}={value}"))
                .collect()
        };
        let in_place = shape(&before) == shape(&after)
            && changed_paths.iter().all(|path| {
                let segments: Vec<&str> = path.split('.').collect();
                let mut copy = self.toml.clone();
                match imported.value_at(path) {
                    Some(value) => set_in(copy.as_table_mut(), &segments, 0, value).is_ok(),
                    // A value only the current file has (an old `lead = true`, say) is removed; a
                    // shorter list (fewer years) is written whole, below.
                    None => path
                        .rsplit('.')
                        .next()
                        .is_some_and(|last| last.parse::<usize>().is_err()),
                }
            });
        if in_place {
            for path in &changed_paths {
                match imported.value_at(path) {
                    Some(value) => {
                        let segments: Vec<&str> = path.split('.').collect();
                        let _ = set_in(self.toml.as_table_mut(), &segments, 0, value);
                    }
                    None => self.remove_value(path),
                }
            }
        } else {
            for key in ["county", "communities"] {
                match imported.toml.get(key) {
                    Some(item) => {
                        self.toml.insert(key, item.clone());
                    }
                    None => {
                        self.toml.remove(key);
                    }
                }
            }
        }
        self.rewrite_estimates(|path| {
            let unchanged = value_of(&before, path).is_some()
                && value_of(&before, path) == value_of(&after, path);
            let is_county = path.starts_with("county.") || path.starts_with("communities.");
            (!is_county || unchanged).then(|| path.to_string())
        });
        changed_paths
    }

    /// Removes the value at a dotted path, if there is one.
    pub fn remove_value(&mut self, path: &str) {
        if let Some((parent, key)) = path.rsplit_once('.') {
            if let Ok(table) = self.table_at(parent) {
                table.remove(key);
            }
        }
    }

    /// The value at a dotted path (`communities.0.institutions.2.beds`), without its decoration.
    fn value_at(&self, path: &str) -> Option<Value> {
        let segments: Vec<&str> = path.split('.').collect();
        let mut table: &dyn TableLike = self.toml.as_table();
        let mut at = 0;
        loop {
            let item = table.get(segments[at])?;
            at += 1;
            if at == segments.len() {
                let mut value = item.as_value()?.clone();
                value.decor_mut().clear();
                return Some(value);
            }
            table = match item {
                Item::ArrayOfTables(tables) => {
                    let index: usize = segments[at].parse().ok()?;
                    at += 1;
                    if at == segments.len() {
                        return None;
                    }
                    tables.get(index)?
                }
                // An element of a list of values (a value per year): the last segment is its index.
                Item::Value(Value::Array(items)) if at + 1 == segments.len() => {
                    let mut value = items.get(segments[at].parse::<usize>().ok()?)?.clone();
                    value.decor_mut().clear();
                    return Some(value);
                }
                other => other.as_table_like()?,
            };
        }
    }

    fn estimate_list(&mut self) -> Option<&mut toml_edit::Array> {
        self.toml
            .get_mut("meta")
            .and_then(Item::as_table_like_mut)
            .and_then(|meta| meta.get_mut("estimated_fields"))
            .and_then(Item::as_array_mut)
    }

    /// Adds `paths` to `meta.estimated_fields` (inputs that are estimates, not the county's figures).
    pub fn mark_estimates(&mut self, paths: &[String]) {
        if paths.is_empty() {
            return;
        }
        if self.estimate_list().is_none() {
            if let Some(meta) = self.toml.get_mut("meta").and_then(Item::as_table_like_mut) {
                meta.insert(
                    "estimated_fields",
                    Item::Value(Value::Array(toml_edit::Array::new())),
                );
            }
        }
        if let Some(list) = self.estimate_list() {
            for path in paths {
                list.push(path.as_str());
            }
            one_per_line(list);
        }
    }

    fn rewrite_estimates(&mut self, rewrite: impl Fn(&str) -> Option<String>) {
        if let Some(list) = self.estimate_list() {
            let before: Vec<Option<&str>> = list.iter().map(|value| value.as_str()).collect();
            let kept: Vec<String> = before
                .iter()
                .filter_map(|value| value.and_then(&rewrite))
                .collect();
            // Unchanged marks leave the list as the file wrote it.
            if before
                .iter()
                .copied()
                .eq(kept.iter().map(|k| Some(k.as_str())))
            {
                return;
            }
            list.clear();
            for path in kept {
                list.push(path);
            }
            one_per_line(list);
        }
    }

    /// Removes `path` from `meta.estimated_fields`, if it is there.
    fn unmark_estimate(&mut self, path: &str) {
        if let Some(list) = self.estimate_list() {
            list.retain(|value| value.as_str() != Some(path));
        }
    }
}

/// Every value under `county` and `communities`, as (path, displayed value), in file order.
fn county_leaves(tree: &Node) -> Vec<(String, String)> {
    fn walk(node: &Node, path: String, out: &mut Vec<(String, String)>) {
        match node {
            Node::Table(entries) => {
                for (key, child) in entries {
                    walk(child, format!("{path}.{key}"), out);
                }
            }
            // Item by item, so that a value per year (`[700, 750]`) is compared value by value.
            Node::Array(items) if !items.is_empty() => {
                for (index, item) in items.iter().enumerate() {
                    walk(item, format!("{path}.{index}"), out);
                }
            }
            leaf => out.push((path, leaf.display())),
        }
    }
    let mut out = Vec::new();
    for key in ["county", "communities"] {
        if let Some(node) = tree.get(key) {
            walk(node, key.to_string(), &mut out);
        }
    }
    out
}

/// The segments of a dotted path. No scenario path is deeper than the files may nest; a longer one (a
/// crafted link's) would recurse past the stack, so it is refused.
fn segments_of(path: &str) -> Result<Vec<&str>, Diagnostic> {
    let segments: Vec<&str> = path.split('.').collect();
    if segments.len() > super::node::MAX_DEPTH {
        return Err(Diagnostic::error(
            &path.chars().take(80).collect::<String>(),
            "",
            format!(
                "路径有 {} 段,超过上限 {}",
                segments.len(),
                super::node::MAX_DEPTH
            ),
            format!(
                "the path has {} segments, more than the limit of {}",
                segments.len(),
                super::node::MAX_DEPTH
            ),
        ));
    }
    Ok(segments)
}

/// Lays a list out one item a line (a long list of paths or sources reads better so, and a diff of it
/// shows the item that changed).
pub fn one_per_line(list: &mut toml_edit::Array) {
    for item in list.iter_mut() {
        item.decor_mut().set_prefix("\n  ");
        item.decor_mut().set_suffix("");
    }
    list.set_trailing_comma(true);
    list.set_trailing("\n");
}

/// A number for [`Document::put`], kept exactly as its decimal text (never through f64).
pub fn number(value: impl std::fmt::Display) -> Value {
    parse_value(&value.to_string())
}

/// Text for [`Document::put`] (quoted and escaped as TOML needs).
pub fn text(value: &str) -> Value {
    Value::from(value)
}

/// A list of numbers for [`Document::put`].
pub fn numbers<T: std::fmt::Display>(values: impl IntoIterator<Item = T>) -> Value {
    Value::Array(values.into_iter().map(number).collect())
}

/// Values typed in separate boxes (a year each, or a range's two ends) as one TOML list: each item a
/// number when it reads as one (as [`Document::set`] reads a value), otherwise kept as the text typed,
/// so a comma or a bracket inside one box stays in that box and the reader names that item.
pub fn list_text(items: &[String]) -> String {
    let mut list = toml_edit::Array::new();
    for item in items {
        list.push_formatted(parse_value(item));
    }
    list.fmt();
    list.to_string()
}

fn parse_value(raw: &str) -> Value {
    // A number is taken only as people write numbers: digits, a sign, a decimal point, an exponent.
    // TOML's other forms (0x10, 4_000, inf, a trailing # comment) are kept as the text typed, for
    // the reader to refuse with the reason.
    let plain_number = |text: &str| {
        text.trim()
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | 'e' | 'E'))
    };
    let toml = |text: &str| {
        format!("value = {text}")
            .parse::<DocumentMut>()
            .ok()
            .and_then(|document| document.get("value").and_then(Item::as_value).cloned())
            .map(|mut value| {
                value.decor_mut().clear();
                value
            })
    };
    toml(raw)
        .filter(|value| !matches!(value, Value::Integer(_) | Value::Float(_)) || plain_number(raw))
        // A number as people type it but TOML does not write it (".02", "5.", "+.5") is that number,
        // in the exact decimal text the reader takes (never through a float).
        .or_else(|| {
            let number = super::fields::parse_decimal(raw.trim())?;
            toml(&number.to_string())
        })
        .unwrap_or_else(|| Value::from(raw))
}

fn walked(segments: &[&str], upto: usize) -> String {
    segments[..=upto].join(".")
}

/// The array index named by `segments[at]`, if it is below `count`.
fn index_at(segments: &[&str], at: usize, count: usize) -> Result<usize, Diagnostic> {
    segments[at]
        .parse::<usize>()
        .ok()
        .filter(|i| *i < count)
        .ok_or_else(|| bad_index(segments, at, count))
}

fn cannot_descend(segments: &[&str], at: usize, kind: &str) -> Diagnostic {
    Diagnostic::error(
        &walked(segments, at),
        "",
        format!("此处是{kind},不能再向下设置"),
        format!("this is a {kind}; nothing can be set below it"),
    )
}

fn bad_index(segments: &[&str], at: usize, count: usize) -> Diagnostic {
    Diagnostic::error(
        &walked(segments, at),
        segments[at],
        format!(
            "数组下标无效:应为 0 到 {} 之间的整数",
            count.saturating_sub(1)
        ),
        format!(
            "invalid array index: expected a whole number from 0 to {}",
            count.saturating_sub(1)
        ),
    )
}

/// Replaces `old` with `new`, keeping the comment and spacing around the old value.
fn replace_value(old: &mut Value, mut new: Value) {
    *new.decor_mut() = old.decor().clone();
    *old = new;
}

fn set_in(
    table: &mut dyn TableLike,
    segments: &[&str],
    at: usize,
    value: Value,
) -> Result<(), Diagnostic> {
    let key = segments[at];
    let last = at + 1 == segments.len();
    if last {
        match table.get_mut(key) {
            Some(Item::Value(old)) => replace_value(old, value),
            _ => {
                table.insert(key, Item::Value(value));
            }
        }
        return Ok(());
    }
    if table.get(key).is_none() {
        let mut created = Table::new();
        created.set_implicit(true);
        table.insert(key, Item::Table(created));
    }
    match table.get_mut(key) {
        Some(Item::Table(child)) => set_in(child, segments, at + 1, value),
        Some(Item::Value(Value::InlineTable(child))) => set_in(child, segments, at + 1, value),
        Some(Item::ArrayOfTables(tables)) => {
            let count = tables.len();
            let child = tables
                .get_mut(index_at(segments, at + 1, count)?)
                .ok_or_else(|| bad_index(segments, at + 1, count))?;
            if at + 2 == segments.len() {
                return Err(cannot_descend(segments, at + 1, "表"));
            }
            set_in(child, segments, at + 2, value)
        }
        Some(Item::Value(Value::Array(items))) => {
            let count = items.len();
            let element = items
                .get_mut(index_at(segments, at + 1, count)?)
                .ok_or_else(|| bad_index(segments, at + 1, count))?;
            if at + 2 == segments.len() {
                replace_value(element, value);
                return Ok(());
            }
            match element {
                Value::InlineTable(child) => set_in(child, segments, at + 2, value),
                _ => Err(cannot_descend(segments, at + 1, "值 value")),
            }
        }
        _ => Err(cannot_descend(segments, at, "值 value")),
    }
}

fn json_table(
    map: &serde_json::Map<String, serde_json::Value>,
    path: &str,
) -> Result<Table, Diagnostic> {
    let mut table = Table::new();
    for (key, value) in map {
        let child = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        table.insert(key, json_item(value, &child)?);
    }
    Ok(table)
}

fn json_item(value: &serde_json::Value, path: &str) -> Result<Item, Diagnostic> {
    Ok(match value {
        serde_json::Value::Object(map) => Item::Table(json_table(map, path)?),
        serde_json::Value::Array(items)
            if !items.is_empty() && items.iter().all(serde_json::Value::is_object) =>
        {
            let mut tables = ArrayOfTables::new();
            for (index, item) in items.iter().enumerate() {
                if let serde_json::Value::Object(map) = item {
                    tables.push(json_table(map, &format!("{path}.{index}"))?);
                }
            }
            Item::ArrayOfTables(tables)
        }
        other => Item::Value(json_value(other, path)?),
    })
}

fn json_value(value: &serde_json::Value, path: &str) -> Result<Value, Diagnostic> {
    Ok(match value {
        serde_json::Value::Null => {
            return Err(Diagnostic::error(
                path,
                "null",
                "不允许 null:请删去此项或填写数值",
                "null is not allowed: remove the field or give a value",
            ))
        }
        serde_json::Value::Bool(flag) => Value::from(*flag),
        serde_json::Value::String(text) => Value::from(text.as_str()),
        serde_json::Value::Number(number) => {
            let text = number.to_string();
            match text.parse::<i64>() {
                Ok(integer) => Value::from(integer),
                // TOML keeps a float as written; the JSON text is parsed with its full digits.
                Err(_) => match format!("value = {text}")
                    .parse::<DocumentMut>()
                    .ok()
                    .and_then(|d| d.get("value").and_then(Item::as_value).cloned())
                {
                    Some(mut parsed) => {
                        parsed.decor_mut().clear();
                        parsed
                    }
                    None => Value::from(text.parse::<f64>().unwrap_or(f64::NAN)),
                },
            }
        }
        serde_json::Value::Array(items) => {
            let mut array = toml_edit::Array::new();
            for (index, item) in items.iter().enumerate() {
                array.push(json_value(item, &format!("{path}.{index}"))?);
            }
            Value::Array(array)
        }
        serde_json::Value::Object(map) => {
            let mut inline = InlineTable::new();
            for (key, item) in map {
                inline.insert(key, json_value(item, &format!("{path}.{key}"))?);
            }
            Value::InlineTable(inline)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_typed_is_a_number_only_as_people_write_numbers() {
        // TOML's other ways of writing numbers are kept as typed and refused with the reason.
        let refusal = |typed: &str| {
            let mut document = Document::from_text(super::super::shipped::default_text()).unwrap();
            document.set("reform.per_bed_subsidy_yuan", typed).unwrap();
            let errors = super::super::load(&document.text(), &[]).unwrap_err();
            errors
                .iter()
                .find(|d| d.path == "reform.per_bed_subsidy_yuan")
                .map(|d| d.message_zh.clone())
                .unwrap()
        };
        for (typed, says) in [
            ("0x10", "不是数字"),
            ("0.01 # x", "不是数字"),
            ("inf", "不是有限的数"),
            ("−100", "半角减号"),
            ("4000, 5000", "只填一个数字"),
            ("99999999999999999999999", "数值过大"),
        ] {
            assert!(refusal(typed).contains(says), "{typed}: {}", refusal(typed));
        }
        // A thousands underscore reads as the number it is, written plainly.
        let mut document = Document::from_text(super::super::shipped::default_text()).unwrap();
        document
            .set("reform.per_bed_subsidy_yuan", "4_000")
            .unwrap();
        assert!(document.text().contains("per_bed_subsidy_yuan = 4000"));
    }

    #[test]
    fn boxes_become_one_list_each_item_as_typed() {
        let items =
            |typed: &[&str]| list_text(&typed.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(items(&["0.01", ".05"]), "[0.01, 0.05]");
        // A comma, a bracket or nothing inside one box stays that box's text.
        assert_eq!(items(&["0,01", "0.05"]), "[\"0,01\", 0.05]");
        assert_eq!(items(&["0.01], x = [1", ""]), "[\"0.01], x = [1\", \"\"]");
        // Read back as a range, the bad box is named with the reason.
        let text = format!(
            "{}\n[uncertainty]\nwage_growth_rate = {}\n",
            super::super::shipped::default_text(),
            items(&["0,01", "0.05"])
        );
        let errors = super::super::load(&text, &[]).unwrap_err();
        let error = errors
            .iter()
            .find(|d| d.path == "uncertainty.wage_growth_rate.0")
            .unwrap();
        assert!(
            error.message_zh.contains("小数请用小数点"),
            "{}",
            error.message_zh
        );
    }

    #[test]
    fn set_keeps_comments_and_layout() {
        let mut document = Document::from_text(
            "# my county\n[levers]\nper_bed_subsidy_yuan = 3000  # from the budget office\n",
        )
        .unwrap();
        document.set("levers.per_bed_subsidy_yuan", "4000").unwrap();
        assert_eq!(
            document.text(),
            "# my county\n[levers]\nper_bed_subsidy_yuan = 4000  # from the budget office\n"
        );
    }

    #[test]
    fn set_creates_tables_and_edits_arrays() {
        let mut document =
            Document::from_text("[[communities]]\nname = \"a\"\nx = [1, 2]\n").unwrap();
        document.set("reform.special_fund_rate", "0.01").unwrap();
        document.set("communities.0.name", "县医院").unwrap();
        document.set("communities.0.x.1", "5").unwrap();
        let tree = document.tree();
        assert_eq!(
            tree.get("reform").and_then(|r| r.get("special_fund_rate")),
            Some(&Node::Number("0.01".into()))
        );
        let Some(Node::Array(communities)) = tree.get("communities") else {
            panic!()
        };
        assert_eq!(
            communities[0].get("name"),
            Some(&Node::Text("县医院".into()))
        );
        assert_eq!(
            communities[0].get("x"),
            Some(&Node::Array(vec![
                Node::Number("1".into()),
                Node::Number("5".into())
            ]))
        );
        assert!(document.set("communities.3.name", "x").is_err());
        assert!(document.set("communities.0.name.deeper", "x").is_err());
        assert!(document.set_assignment("no equals sign").is_err());
    }

    #[test]
    fn entries_are_added_and_removed_with_their_marks() {
        let text = "[meta]\ntitle = \"t\"\nestimated_fields = [\"c.0.x\", \"c.1.x\", \"c.2.y\"]\n[[c]]\nx = 1\n[[c]]\nx = 2\n[[c]]\ny = 3\n";
        let mut document = Document::from_text(text).unwrap();
        document.remove_entry("c", 1).unwrap();
        let tree = document.tree();
        let Some(Node::Array(entries)) = tree.get("c") else {
            panic!()
        };
        assert_eq!(entries.len(), 2);
        let marks = tree
            .get("meta")
            .and_then(|m| m.get("estimated_fields"))
            .cloned();
        assert_eq!(
            marks,
            Some(Node::Array(vec![
                Node::Text("c.0.x".into()),
                Node::Text("c.1.y".into())
            ]))
        );
        let index = document
            .push_entry("c", &[("z", number(4))], &["z"])
            .unwrap();
        assert_eq!(index, 2);
        assert!(document.text().contains("\"c.2.z\""));
        assert!(document.remove_entry("c", 9).is_err());
        assert!(document
            .push_entry("meta", &[("z", number(1))], &[])
            .is_err());
    }

    /// A scenario is built value by value through the document: numbers keep their exact text, text
    /// of any kind is quoted as TOML needs, and tables and lists of tables are made on the way.
    #[test]
    fn a_scenario_built_value_by_value_reads_back() {
        let mut document = Document::new("a comment\nwith\u{7} a bell");
        document
            .put("meta.title", text("名 \"quoted\" \\ \u{1}"))
            .unwrap();
        document.put("county.base_year", number(2024)).unwrap();
        document
            .put("county.rates", numbers(["0.1", "12345678901234.56789"]))
            .unwrap();
        let c = document
            .push_entry("communities", &[("name", text("甲"))], &["name"])
            .unwrap();
        document
            .push_entry(
                &format!("communities.{c}.institutions"),
                &[("beds", number("0.50"))],
                &[],
            )
            .unwrap();
        let again = Document::from_text(&document.text()).unwrap();
        assert_eq!(again.tree(), document.tree());
        let text = document.text();
        assert!(text.starts_with("# a comment\n# with  a bell\n"), "{text}");
        assert!(
            text.contains("rates = [0.1, 12345678901234.56789]"),
            "{text}"
        );
        assert!(text.contains("beds = 0.50"), "{text}");
        assert!(text.contains("[[communities.institutions]]"), "{text}");
        match again.tree() {
            Node::Table(entries) => {
                let meta = entries.iter().find(|(k, _)| k == "meta").unwrap();
                assert_eq!(
                    meta.1.display(),
                    Node::Table(vec![(
                        "title".into(),
                        Node::Text("名 \"quoted\" \\ \u{1}".into())
                    )])
                    .display()
                );
            }
            _ => panic!("a table"),
        }
    }

    #[test]
    fn json_becomes_an_equivalent_toml_document() {
        let document = Document::from_text(
            r#"{"a": 0.1, "b": [1, 2.5], "t": {"x": true}, "l": [{"n": "p"}, {"n": "q"}]}"#,
        )
        .unwrap();
        let again = Document::from_text(&document.text()).unwrap();
        assert_eq!(again.tree(), document.tree());
        assert_eq!(document.tree().get("a"), Some(&Node::Number("0.1".into())));
        assert!(Document::from_text(r#"{"a": null}"#).is_err());
    }

    #[test]
    fn toml_syntax_errors_read_in_chinese() {
        let zh = |text: &str| parse_toml(text).unwrap_err().message_zh;
        assert_eq!(
            zh("a = 1\nb = \"x"),
            "不是有效的 TOML:第 2 行第 7 列:字符串有误或未闭合,此处应为`\"`"
        );
        assert!(zh("a = [1, 2").contains("数组未闭合"));
        assert!(zh("a = 01").contains("数字不能以 0 开头,此处应为不再有字符"));
        assert!(zh("= 1").contains("键不能为空,此处应为字母、数字、`-` 或 `_`"));
        // Every message the hostile inputs above give is in Chinese, with no English words left.
        for text in [
            "a = ",
            "a b",
            "[a",
            "a = tru",
            "a = 1.",
            "a = [1,,2]",
            "a = 1__0",
            "a = 2024-13-01",
        ] {
            let message = zh(text).replace("TOML", "");
            // Outside `tokens`, no Latin letters.
            let words: String = message.split('`').step_by(2).collect();
            assert!(
                !words.chars().any(|c| c.is_ascii_alphabetic()),
                "{text:?}: {message}"
            );
        }
    }
}
