//! Reads a document tree into validated model inputs, collecting every problem on the way.
//!
//! The reader never stops at the first problem: each field is read, checked against what is allowed
//! and, if wrong, reported with its path, the value found and what is allowed; reading goes on so the
//! user sees every problem at once. Only when no error was found is a [`ModelInput`] built.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::diagnostic::{did_you_mean, Diagnostic};
use super::node::Node;
use super::{Meta, Scenario, FORMAT_VERSION};
use crate::model::params::{Split, SPLITS};
use crate::model::{
    Assumption, AssumptionRange, Assumptions, ByPlace, Community, County, Horizon, Institution,
    Lever, Levers, ModelInput, OutOfCounty, ParamSpec, Place, Reimbursement, Schedule, Tier, Unit,
};

/// Largest number of communities accepted; 1-3 is the documented range (seed 000 §三(一)).
const MAX_COMMUNITIES: usize = 20;
/// Largest number of institution entries in one community.
const MAX_INSTITUTIONS: usize = 5000;
/// Longest text field, in characters.
const MAX_TEXT_CHARS: usize = 20_000;

use super::fields::{
    self, rule, InputField, NumberRule, COMMUNITY_FIELDS, HORIZON, INSTITUTION_FIELDS,
    OUT_OF_COUNTY_FIELDS, PER_CAPITA, SHARE, YEAR,
};

/// Most diagnostics listed for one file: enough to fix a file by, few enough that a file of millions of
/// unknown keys cannot flood the page or the terminal. The rest are counted and said.
pub(super) const MAX_DIAGNOSTICS: usize = 200;

/// Collects diagnostics while reading (at most [`MAX_DIAGNOSTICS`], the rest counted).
#[derive(Default)]
pub(super) struct Reader {
    diagnostics: Vec<Diagnostic>,
    omitted_errors: usize,
    omitted_warnings: usize,
}

/// A table being read: remembers which keys were used so the rest can be reported as unknown.
struct Fields<'a> {
    path: String,
    entries: &'a [(String, Node)],
    used: Vec<bool>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl<'a> Fields<'a> {
    fn take(&mut self, key: &str) -> Option<&'a Node> {
        let position = self.entries.iter().position(|(k, _)| k == key)?;
        self.used[position] = true;
        Some(&self.entries[position].1)
    }

    fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// Reports keys that were never taken, with a suggestion when one is close to a known key.
    fn finish(self, reader: &mut Reader, known: &[&str]) {
        for ((key, value), used) in self.entries.iter().zip(&self.used) {
            if *used {
                continue;
            }
            if reader.is_full() {
                reader.omitted_errors += 1;
                continue;
            }
            let path = join(&self.path, key);
            let (hint_zh, hint_en) = match did_you_mean(key, known.iter().copied()) {
                Some(suggestion) => (
                    format!("是否想写 `{suggestion}`?"),
                    format!(" Did you mean `{suggestion}`?"),
                ),
                None => (String::new(), String::new()),
            };
            reader.push(Diagnostic::error(
                &path,
                &value.display(),
                format!(
                    "未知字段 `{key}`。{hint_zh}此处允许的字段:{}",
                    known.join(", ")
                ),
                format!(
                    "unknown field `{key}`.{hint_en} Allowed here: {}",
                    known.join(", ")
                ),
            ));
        }
    }
}

impl Reader {
    fn is_full(&self) -> bool {
        self.diagnostics.len() >= MAX_DIAGNOSTICS
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        if !self.is_full() {
            self.diagnostics.push(diagnostic);
        } else if diagnostic.is_error() {
            self.omitted_errors += 1;
        } else {
            self.omitted_warnings += 1;
        }
    }

    /// Whether any error was found, listed or not.
    pub(super) fn has_errors(&self) -> bool {
        self.omitted_errors > 0 || self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The diagnostics, with one more saying how many were not listed.
    pub(super) fn finish(mut self) -> Vec<Diagnostic> {
        let omitted = self.omitted_errors + self.omitted_warnings;
        if omitted > 0 {
            let zh = format!(
                "另有 {omitted} 个问题未列出(只列出前 {MAX_DIAGNOSTICS} 个):请先改正上面的问题"
            );
            let en = format!("{omitted} more problems are not listed (only the first {MAX_DIAGNOSTICS} are): fix the ones above first");
            self.diagnostics.push(if self.omitted_errors > 0 {
                Diagnostic::error("", "", zh, en)
            } else {
                Diagnostic::warning("", "", zh, en)
            });
        }
        self.diagnostics
    }

    fn error(&mut self, path: &str, value: &str, zh: String, en: String) {
        self.push(Diagnostic::error(path, value, zh, en));
    }

    fn warning(&mut self, path: &str, value: &str, zh: String, en: String) {
        self.push(Diagnostic::warning(path, value, zh, en));
    }

    fn missing(&mut self, path: &str, zh_what: &str, en_what: &str) {
        self.error(
            path,
            "",
            format!("缺少必填项:{zh_what}"),
            format!("missing required field: {en_what}"),
        );
    }

    fn wrong_kind(&mut self, path: &str, node: &Node, zh_expected: &str, en_expected: &str) {
        let (zh_found, en_found) = node.kind();
        self.error(
            path,
            &node.display(),
            format!("应为{zh_expected},实为{zh_found}"),
            format!("expected {en_expected}, found {en_found}"),
        );
    }

    fn table<'a>(&mut self, node: &'a Node, path: &str) -> Option<Fields<'a>> {
        match node {
            Node::Table(entries) => Some(Fields {
                path: path.to_string(),
                entries,
                used: vec![false; entries.len()],
            }),
            other => {
                self.wrong_kind(path, other, "表", "a table");
                None
            }
        }
    }

    fn child_table<'a>(
        &mut self,
        fields: &mut Fields<'a>,
        key: &str,
        required: bool,
    ) -> Option<Fields<'a>> {
        let path = fields.path_of(key);
        match fields.take(key) {
            Some(node) => self.table(node, &path),
            None if required => {
                self.missing(&path, &format!("表 [{path}]"), &format!("table [{path}]"));
                None
            }
            None => None,
        }
    }

    /// Reads a number node against a rule.
    fn number_node(&mut self, node: &Node, path: &str, rule: NumberRule) -> Option<Decimal> {
        let text = match node {
            Node::Number(text) => text,
            Node::Text(text) if text.trim().is_empty() => {
                self.error(
                    path,
                    "",
                    "未填写:请填写数字".into(),
                    "empty: enter a number".into(),
                );
                return None;
            }
            Node::Text(text) => {
                let trimmed = text.trim();
                // A whole number longer than a TOML integer reaches the reader as text.
                let too_long = trimmed.trim_start_matches(['-', '+']).len() > 18
                    && trimmed
                        .trim_start_matches(['-', '+'])
                        .chars()
                        .all(|c| c.is_ascii_digit());
                let (zh, en) = if too_long {
                    ("数值过大或位数过多", "too large or too many digits")
                } else if rule.parse(trimmed).is_some() {
                    ("数字不要加引号", "write the number without quotes")
                } else {
                    fields::not_a_number(trimmed)
                };
                self.error(
                    path,
                    &node.display(),
                    format!("应为数字,实为文本;{zh}"),
                    format!("expected a number, found text; {en}"),
                );
                return None;
            }
            other => {
                self.wrong_kind(path, other, "数字", "a number");
                return None;
            }
        };
        // Money is read to the fen and other fractions to a bounded number of places (fields.rs
        // says why), so no input the reader lets through can run the model out of digits.
        let Some((value, rounded)) = rule.parse(text) else {
            let (zh, en) = fields::not_a_number(text);
            let (allowed_zh, allowed_en) = rule.allowed();
            self.error(
                path,
                text,
                format!("{zh}({allowed_zh})"),
                format!("{en} ({allowed_en})"),
            );
            return None;
        };
        match rule.check(value) {
            Ok(value) => {
                if rounded {
                    let (zh, en) = rule.rounded(text, value);
                    self.warning(path, text, zh, en);
                }
                Some(value)
            }
            Err((zh, en)) => {
                self.error(path, text, zh, en);
                None
            }
        }
    }

    fn number(
        &mut self,
        fields: &mut Fields,
        key: &str,
        rule: NumberRule,
        default: Option<Decimal>,
    ) -> Option<Decimal> {
        let path = fields.path_of(key);
        match fields.take(key) {
            Some(node) => self.number_node(node, &path, rule),
            None => match default {
                Some(value) => Some(value),
                None => {
                    self.missing(
                        &path,
                        &format!("{key}({})", rule.unit_zh),
                        &format!("{key} ({})", rule.unit_en),
                    );
                    None
                }
            },
        }
    }

    /// Reads a declared input field (see `fields.rs`).
    /// Reads every field of `table` into `record` (all are read, so every problem is reported);
    /// `None` if any was refused.
    fn inputs<T>(
        &mut self,
        fields: &mut Fields,
        table: &'static [InputField<T>],
        mut record: T,
    ) -> Option<T> {
        let mut all_read = true;
        for field in table {
            match self.number(fields, field.key, field.rule, field.default) {
                Some(value) => (field.set)(&mut record, value),
                None => all_read = false,
            }
        }
        all_read.then_some(record)
    }

    fn text(&mut self, fields: &mut Fields, key: &str, required: bool) -> Option<String> {
        let path = fields.path_of(key);
        match fields.take(key) {
            Some(Node::Text(text)) if text.chars().count() <= MAX_TEXT_CHARS => Some(text.clone()),
            Some(Node::Text(text)) => {
                self.error(
                    &path,
                    text,
                    format!("文本过长:最多 {MAX_TEXT_CHARS} 个字符"),
                    format!("text too long: at most {MAX_TEXT_CHARS} characters"),
                );
                None
            }
            Some(other) => {
                self.wrong_kind(&path, other, "文本", "text");
                None
            }
            None if required => {
                self.missing(&path, &format!("{key}(文本)"), &format!("{key} (text)"));
                None
            }
            None => Some(String::new()),
        }
    }

    fn boolean(&mut self, fields: &mut Fields, key: &str, default: bool) -> Option<bool> {
        let path = fields.path_of(key);
        match fields.take(key) {
            Some(Node::Bool(flag)) => Some(*flag),
            Some(other) => {
                self.wrong_kind(&path, other, "true 或 false", "true or false");
                None
            }
            None => Some(default),
        }
    }

    fn text_list(&mut self, fields: &mut Fields, key: &str) -> Vec<String> {
        let path = fields.path_of(key);
        match fields.take(key) {
            None => Vec::new(),
            Some(Node::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| match item {
                    Node::Text(text) => Some(text.chars().take(MAX_TEXT_CHARS).collect()),
                    other => {
                        self.wrong_kind(&join(&path, &i.to_string()), other, "文本", "text");
                        None
                    }
                })
                .collect(),
            Some(Node::Text(text)) => vec![text.chars().take(MAX_TEXT_CHARS).collect()],
            Some(other) => {
                self.wrong_kind(&path, other, "文本数组", "an array of text");
                Vec::new()
            }
        }
    }

    /// A yearly schedule: one value, or an array of 1-10 values (year 1 first; the last holds).
    fn schedule_node(
        &mut self,
        node: &Node,
        path: &str,
        rule: NumberRule,
        switch: bool,
    ) -> Option<Schedule> {
        let read_one = |reader: &mut Reader, node: &Node, path: &str| -> Option<Decimal> {
            match node {
                Node::Bool(flag) if switch => {
                    Some(if *flag { Decimal::ONE } else { Decimal::ZERO })
                }
                _ => reader.number_node(node, path, rule),
            }
        };
        match node {
            Node::Array(items) => {
                if items.is_empty() || items.len() > usize::from(Horizon::MAX) {
                    self.error(
                        path,
                        &node.display(),
                        format!("逐年数组应有 1 到 {} 个值(第1年在前,最后一个值沿用到以后各年)", Horizon::MAX),
                        format!("a yearly array has 1 to {} values (year 1 first; the last holds for later years)", Horizon::MAX),
                    );
                    return None;
                }
                let values: Vec<Option<Decimal>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| read_one(self, item, &join(path, &i.to_string())))
                    .collect();
                values
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .and_then(Schedule::new)
            }
            single => read_one(self, single, path).map(Schedule::constant),
        }
    }

    fn param_rule(spec: &ParamSpec) -> NumberRule {
        let (unit_zh, unit_en) = spec.unit.label();
        let rule = rule(
            spec.min,
            spec.max,
            matches!(spec.unit, Unit::Switch | Unit::Years | Unit::Choice),
            unit_zh,
            unit_en,
        );
        // Yuan amounts are kept to the fen; every other unit to `fields::MAX_PLACES`.
        match spec.unit {
            Unit::YuanPerBedYear | Unit::YuanPerResidentYear | Unit::YuanPerPersonYear => {
                rule.money()
            }
            _ => rule,
        }
    }

    /// Warns about values outside a parameter's usual range. A lever at zero is a lever not used and
    /// never warns.
    fn check_usual(&mut self, spec: &ParamSpec, path: &str, values: &[Decimal], is_lever: bool) {
        let Some((low, high)) = spec.usual else {
            return;
        };
        for (index, value) in values.iter().enumerate() {
            if !spec.outside_usual(*value, is_lever) {
                continue;
            }
            let at = if values.len() > 1 {
                join(path, &index.to_string())
            } else {
                path.to_string()
            };
            let (kind_zh, kind_en) = if is_lever && spec.range_is_documented() {
                ("政策文件规定的范围", "the documented policy range")
            } else {
                ("合理范围", "the plausible range")
            };
            let (unit_zh, unit_en) = spec.unit.label();
            self.warning(
                &at,
                &value.to_string(),
                format!(
                    "{}:{} 超出{kind_zh} {low} 到 {high} {unit_zh}(来源:{})",
                    spec.zh,
                    value,
                    spec.source_zh()
                ),
                format!(
                    "{}: {} is outside {kind_en} {low} to {high} {unit_en} (source: {})",
                    spec.en,
                    value,
                    spec.source_en()
                ),
            );
        }
    }

    /// Reads a lever table (`[levers]` or `[reform]`) over `start`.
    fn levers(&mut self, fields: &mut Fields, start: &Levers) -> Levers {
        let mut levers = start.clone();
        for lever in Lever::ALL {
            let spec = lever.spec();
            let path = fields.path_of(spec.key);
            if let Some(node) = fields.take(spec.key) {
                if let Some(schedule) = self.schedule_node(
                    node,
                    &path,
                    Self::param_rule(spec),
                    spec.unit == Unit::Switch,
                ) {
                    self.check_usual(spec, &path, schedule.values(), true);
                    levers.set(*lever, schedule);
                }
            }
        }
        levers
    }

    fn assumptions(&mut self, fields: &mut Fields) -> Assumptions {
        let mut assumptions = Assumptions::default();
        for assumption in Assumption::ALL {
            let spec = assumption.spec();
            let path = fields.path_of(spec.key);
            if let Some(node) = fields.take(spec.key) {
                if let Some(value) = self.number_node(node, &path, Self::param_rule(spec)) {
                    self.check_usual(spec, &path, &[value], false);
                    assumptions.set(*assumption, value);
                }
            }
        }
        assumptions
    }

    /// Reads `[uncertainty]`: for an assumption, `[low, high]`, the range a Monte Carlo draws it from
    /// and the tornado moves it across, in place of its plausible range (`[v, v]` holds it at v).
    fn ranges(&mut self, fields: &mut Fields) -> Vec<AssumptionRange> {
        let mut ranges = Vec::new();
        for assumption in Assumption::ALL {
            let spec = assumption.spec();
            let path = fields.path_of(spec.key);
            let Some(node) = fields.take(spec.key) else {
                continue;
            };
            let items = match node {
                Node::Array(items) if items.len() == 2 => items,
                other => {
                    self.error(
                        &path,
                        &other.display(),
                        format!("应为两个数字 [下限, 上限],如 [{}, {}]", spec.min, spec.max),
                        format!(
                            "expected two numbers [low, high], such as [{}, {}]",
                            spec.min, spec.max
                        ),
                    );
                    continue;
                }
            };
            let rule = Self::param_rule(spec);
            let low = self.number_node(&items[0], &join(&path, "0"), rule);
            let high = self.number_node(&items[1], &join(&path, "1"), rule);
            let (Some(low), Some(high)) = (low, high) else {
                continue;
            };
            if low > high {
                self.error(
                    &path,
                    &format!("[{low}, {high}]"),
                    format!("下限 {low} 大于上限 {high}"),
                    format!("the low end {low} is above the high end {high}"),
                );
                continue;
            }
            ranges.push(AssumptionRange {
                assumption: *assumption,
                low,
                high,
            });
        }
        ranges
    }

    /// Errors when the three reserves together take more than the whole fund in some year.
    fn check_reserves(&mut self, levers: &Levers, section: &str, horizon: usize) {
        for year in 1..=horizon {
            let sum = levers.at(Lever::CriticalIllnessRate, year)
                + levers.at(Lever::RiskReserveRate, year)
                + levers.at(Lever::QualityReserveRate, year);
            if sum > Decimal::ONE {
                self.error(
                    &join(section, "*_rate"),
                    &sum.to_string(),
                    format!("第 {year} 年大病保险、风险调剂金和质量保证金比例之和为 {sum},不能超过 1"),
                    format!("year {year}: the critical-illness, risk and quality reserves add to {sum}; they cannot exceed 1"),
                );
                return;
            }
        }
    }

    /// Errors when a split (the public-health tier split, the pooled fund's uses) does not add up to one
    /// in some year.
    fn check_split(&mut self, split: &Split, levers: &Levers, section: &str, horizon: usize) {
        for year in 1..=horizon {
            let sum: Decimal = split
                .levers
                .iter()
                .map(|lever| levers.at(*lever, year))
                .sum();
            if sum != Decimal::ONE {
                self.error(
                    &join(section, split.key),
                    &sum.to_string(),
                    format!("第 {year} 年{}之和为 {sum},应等于 1", split.zh),
                    format!(
                        "year {year}: the {} add to {sum}; they must add to 1",
                        split.en
                    ),
                );
                return;
            }
        }
    }
}

/// Reads the whole document. Returns the metadata and the model input when no error was found.
pub(super) fn read(root: &Node, reader: &mut Reader) -> Option<Scenario> {
    let mut top = reader.table(root, "")?;
    let version_ok = read_version(&mut top, reader);
    if !version_ok {
        return None;
    }
    let meta = top
        .take("meta")
        .and_then(|node| reader.table(node, "meta"))
        .map(|mut fields| {
            let meta = Meta {
                title: reader.text(&mut fields, "title", true).unwrap_or_default(),
                author: reader
                    .text(&mut fields, "author", false)
                    .unwrap_or_default(),
                description: reader
                    .text(&mut fields, "description", false)
                    .unwrap_or_default(),
                region: reader
                    .text(&mut fields, "region", false)
                    .unwrap_or_default(),
                sources: reader.text_list(&mut fields, "sources"),
                estimates: reader.text_list(&mut fields, "estimates"),
                estimated_fields: reader.text_list(&mut fields, "estimated_fields"),
                reform_title: String::new(),
            };
            fields.finish(
                reader,
                &[
                    "title",
                    "author",
                    "description",
                    "region",
                    "sources",
                    "estimates",
                    "estimated_fields",
                ],
            );
            meta
        });
    if meta.is_none() && root.get("meta").is_none() {
        reader.missing(
            "meta",
            "表 [meta](至少含 title)",
            "table [meta] (with at least a title)",
        );
    }

    let county = reader
        .child_table(&mut top, "county", true)
        .and_then(|mut fields| {
            let county = read_county(&mut fields, root, reader);
            // The keys of [county]: the first part of each county field's path after `county.`.
            let mut keys: Vec<String> = Vec::new();
            for field in fields::county_fields() {
                let key = field.path.split('.').nth(1).unwrap_or_default().to_string();
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            let known: Vec<&str> = keys.iter().map(String::as_str).collect();
            fields.finish(reader, &known);
            county
        });
    let horizon = county
        .as_ref()
        .map(|c| c.horizon.years())
        .unwrap_or(usize::from(Horizon::MAX));

    // Today's levers start from their defaults, a dated one (the public-health standard) at the values
    // of the county's own projection years.
    let defaults = match &county {
        Some(county) => Levers::defaults_for(county.base_year.saturating_add(1), horizon),
        None => Levers::default(),
    };
    let baseline = match reader.child_table(&mut top, "levers", false) {
        Some(mut fields) => {
            let levers = reader.levers(&mut fields, &defaults);
            let known: Vec<&str> = Lever::ALL.iter().map(|l| l.spec().key).collect();
            fields.finish(reader, &known);
            levers
        }
        None => defaults,
    };
    for split in SPLITS {
        reader.check_split(split, &baseline, "levers", horizon);
    }
    reader.check_reserves(&baseline, "levers", horizon);
    let mut reform_title = String::new();
    let reform = match reader.child_table(&mut top, "reform", false) {
        Some(mut fields) => {
            reform_title = reader.text(&mut fields, "title", false).unwrap_or_default();
            let levers = reader.levers(&mut fields, &baseline);
            let mut known: Vec<&str> = Lever::ALL.iter().map(|l| l.spec().key).collect();
            known.push("title");
            fields.finish(reader, &known);
            levers
        }
        None => baseline.clone(),
    };
    // The reform's split and reserves are checked only where they differ from today's, so a problem
    // the reform inherits is reported once, at [levers].
    let changed = |levers: &[Lever]| {
        levers
            .iter()
            .any(|l| reform.schedule(*l) != baseline.schedule(*l))
    };
    for split in SPLITS {
        if changed(&split.levers) {
            reader.check_split(split, &reform, "reform", horizon);
        }
    }
    if changed(&[
        Lever::CriticalIllnessRate,
        Lever::RiskReserveRate,
        Lever::QualityReserveRate,
    ]) {
        reader.check_reserves(&reform, "reform", horizon);
    }
    let assumptions = match reader.child_table(&mut top, "assumptions", false) {
        Some(mut fields) => {
            let assumptions = reader.assumptions(&mut fields);
            let known: Vec<&str> = Assumption::ALL.iter().map(|a| a.spec().key).collect();
            fields.finish(reader, &known);
            assumptions
        }
        None => Assumptions::default(),
    };
    let ranges = match reader.child_table(&mut top, "uncertainty", false) {
        Some(mut fields) => {
            let ranges = reader.ranges(&mut fields);
            let known: Vec<&str> = Assumption::ALL.iter().map(|a| a.spec().key).collect();
            fields.finish(reader, &known);
            ranges
        }
        None => Vec::new(),
    };
    let _communities_taken = top.take("communities");
    top.finish(
        reader,
        &[
            "format_version",
            "meta",
            "county",
            "communities",
            "levers",
            "reform",
            "assumptions",
            "uncertainty",
        ],
    );

    if reader.has_errors() {
        return None;
    }
    let mut meta = meta?;
    meta.reform_title = reform_title;
    Some(Scenario {
        meta,
        input: ModelInput {
            county: county?,
            baseline,
            reform,
            assumptions,
        },
        ranges,
    })
}

fn read_version(top: &mut Fields, reader: &mut Reader) -> bool {
    let Some(node) = top.take("format_version") else {
        reader.warning(
            "format_version",
            "",
            format!("未写格式版本,按第 {FORMAT_VERSION} 版读取"),
            format!("no format_version; read as version {FORMAT_VERSION}"),
        );
        return true;
    };
    let Some(version) = reader.number_node(
        node,
        "format_version",
        rule(dec!(1), dec!(1_000_000), true, "", ""),
    ) else {
        return false;
    };
    if version > Decimal::from(FORMAT_VERSION) {
        reader.error(
            "format_version",
            &version.to_string(),
            format!("此文件为第 {version} 版格式,需要更新版本的医共体政策沙盘;本版本只能读取第 1 到第 {FORMAT_VERSION} 版"),
            format!("this file is format version {version} and needs a newer version of the sandbox; this one reads versions 1 to {FORMAT_VERSION}"),
        );
        return false;
    }
    true
}

fn read_places(reader: &mut Reader, fields: &mut Fields, key: &str) -> Option<ByPlace<Decimal>> {
    let mut table = reader.child_table(fields, key, true)?;
    let mut values = ByPlace::default();
    let mut complete = true;
    for place in Place::ALL {
        match reader.number(&mut table, place.key(), SHARE, None) {
            Some(value) => values.set(place, value),
            None => complete = false,
        }
    }
    let known: Vec<&str> = Place::ALL.iter().map(|place| place.key()).collect();
    table.finish(reader, &known);
    complete.then_some(values)
}

/// Says that the county field at `path` is missing, named as the county fields declare it.
fn missing_county_field(reader: &mut Reader, path: &str) {
    let declared = fields::county_fields().into_iter().find(|f| f.path == path);
    let (zh, en) = declared.map_or((path.to_string(), path.to_string()), |f| {
        let unit = f.rule.map_or(("", ""), |r| (r.unit_zh, r.unit_en));
        (
            format!("{}({})", f.zh, unit.0),
            format!("{} ({})", f.en, unit.1),
        )
    });
    reader.missing(path, &zh, &en);
}

fn read_county(fields: &mut Fields, root: &Node, reader: &mut Reader) -> Option<County> {
    let name = reader.text(fields, "name", true);
    let base_year = reader.number(fields, "base_year", YEAR, None);
    let horizon = reader.number(fields, "horizon_years", HORIZON, Some(dec!(5)));
    let government = fields.take("government_per_capita_yuan").map(|node| {
        reader.schedule_node(node, "county.government_per_capita_yuan", PER_CAPITA, false)
    });
    if government.is_none() {
        missing_county_field(reader, "county.government_per_capita_yuan");
    }
    let individual = fields.take("individual_per_capita_yuan").map(|node| {
        reader.schedule_node(node, "county.individual_per_capita_yuan", PER_CAPITA, false)
    });
    if individual.is_none() {
        missing_county_field(reader, "county.individual_per_capita_yuan");
    }
    let reimbursement = reader
        .child_table(fields, "reimbursement", true)
        .and_then(|mut table| {
            let outpatient = read_places(reader, &mut table, "outpatient");
            let inpatient = read_places(reader, &mut table, "inpatient");
            table.finish(reader, &["outpatient", "inpatient"]);
            Some(Reimbursement {
                outpatient: outpatient?,
                inpatient: inpatient?,
            })
        });
    let communities = read_communities(root, reader);
    Some(County {
        name: name?,
        base_year: base_year?.try_into().ok()?,
        horizon: Horizon::new(u8::try_from(horizon?).ok()?)?,
        communities: communities?,
        government_per_capita: government??,
        individual_per_capita: individual??,
        reimbursement: reimbursement?,
    })
}

fn read_communities(root: &Node, reader: &mut Reader) -> Option<Vec<Community>> {
    let Some(node) = root.get("communities") else {
        reader.missing(
            "communities",
            "至少一个医共体 [[communities]]",
            "at least one community [[communities]]",
        );
        return None;
    };
    let Node::Array(items) = node else {
        reader.wrong_kind(
            "communities",
            node,
            "医共体数组 [[communities]]",
            "an array of communities [[communities]]",
        );
        return None;
    };
    if items.is_empty() || items.len() > MAX_COMMUNITIES {
        reader.error(
            "communities",
            &items.len().to_string(),
            format!("医共体数量应为 1 到 {MAX_COMMUNITIES} 个(政策规定 1-3 个)"),
            format!("a county has 1 to {MAX_COMMUNITIES} communities (policy: 1-3)"),
        );
        return None;
    }
    if items.len() > 3 {
        reader.warning(
            "communities",
            &items.len().to_string(),
            "医共体数量超出政策规定的 1-3 个(《河南省紧密型县域医共体建设操作规范手册(试行版)》三(一))".to_string(),
            "more communities than the documented 1-3 per county (Henan Province, Operating Manual for Close-knit County Medical Communities (trial), §3(1))".to_string(),
        );
    }
    let communities: Vec<Option<Community>> = items
        .iter()
        .enumerate()
        .map(|(c, node)| read_community(node, &format!("communities.{c}"), reader))
        .collect();
    communities.into_iter().collect()
}

fn read_community(node: &Node, path: &str, reader: &mut Reader) -> Option<Community> {
    let mut fields = reader.table(node, path)?;
    let name = reader.text(&mut fields, "name", true);
    let numbers = reader.inputs(&mut fields, COMMUNITY_FIELDS, Community::default());
    let out_of_county = reader
        .child_table(&mut fields, "out_of_county", true)
        .and_then(|mut table| {
            let out = reader.inputs(&mut table, OUT_OF_COUNTY_FIELDS, OutOfCounty::default());
            let known: Vec<&str> = OUT_OF_COUNTY_FIELDS.iter().map(|f| f.key).collect();
            table.finish(reader, &known);
            out
        });
    let institutions_path = fields.path_of("institutions");
    let institutions = match fields.take("institutions") {
        Some(Node::Array(items)) if !items.is_empty() && items.len() <= MAX_INSTITUTIONS => {
            let read: Vec<Option<Institution>> = items
                .iter()
                .enumerate()
                .map(|(i, node)| {
                    read_institution(node, &join(&institutions_path, &i.to_string()), reader)
                })
                .collect();
            let read: Option<Vec<Institution>> = read.into_iter().collect();
            if let Some(list) = &read {
                check_lead(list, &institutions_path, reader);
            }
            read
        }
        Some(Node::Array(items)) => {
            reader.error(
                &institutions_path,
                &items.len().to_string(),
                format!("成员机构数应为 1 到 {MAX_INSTITUTIONS} 条"),
                format!("a community lists 1 to {MAX_INSTITUTIONS} institution entries"),
            );
            None
        }
        Some(other) => {
            reader.wrong_kind(
                &institutions_path,
                other,
                "成员机构数组 [[communities.institutions]]",
                "an array of institutions",
            );
            None
        }
        None => {
            reader.missing(
                &institutions_path,
                "成员机构(至少含牵头医院)",
                "institutions (at least the lead hospital)",
            );
            None
        }
    };
    let mut known = vec!["name", "out_of_county", "institutions"];
    known.extend(COMMUNITY_FIELDS.iter().map(|field| field.key));
    fields.finish(reader, &known);
    Some(Community {
        name: name?,
        institutions: institutions?,
        out_of_county: out_of_county?,
        ..numbers?
    })
}

fn check_lead(institutions: &[Institution], path: &str, reader: &mut Reader) {
    let leads: Vec<&Institution> = institutions.iter().filter(|i| i.is_lead).collect();
    match leads.as_slice() {
        [] => reader.error(
            path,
            "",
            "医共体没有牵头医院:请在一家县级医院上写 lead = true".into(),
            "the community has no lead hospital: mark one county hospital with lead = true".into(),
        ),
        [lead] if lead.tier != Tier::County => reader.error(
            path,
            &lead.name,
            format!("牵头医院「{}」应为县级医院(tier = \"county\")", lead.name),
            format!(
                "the lead hospital \"{}\" must be a county hospital (tier = \"county\")",
                lead.name
            ),
        ),
        [lead] if lead.count != 1 => reader.error(
            path,
            &lead.name,
            "牵头医院应是单个机构(count = 1)".into(),
            "the lead hospital is a single institution (count = 1)".into(),
        ),
        [_] => {}
        many => reader.error(
            path,
            &many.len().to_string(),
            format!("一个医共体只能有一家牵头医院,现有 {} 家", many.len()),
            format!(
                "a community has exactly one lead hospital; {} are marked",
                many.len()
            ),
        ),
    }
}

fn read_tier(reader: &mut Reader, fields: &mut Fields) -> Option<Tier> {
    let path = fields.path_of("tier");
    match fields.take("tier") {
        Some(Node::Text(text)) => match Tier::from_word(text) {
            Some(tier) => Some(tier),
            None => {
                reader.error(
                    &path,
                    text,
                    "层级应为 \"county\"(县级)、\"township\"(乡镇)或 \"village\"(村)".into(),
                    "tier must be \"county\", \"township\" or \"village\"".into(),
                );
                None
            }
        },
        Some(other) => {
            reader.wrong_kind(&path, other, "文本", "text");
            None
        }
        None => {
            reader.missing(&path, "层级 tier", "tier");
            None
        }
    }
}

fn read_institution(node: &Node, path: &str, reader: &mut Reader) -> Option<Institution> {
    let mut fields = reader.table(node, path)?;
    let name = reader.text(&mut fields, "name", true);
    let tier = read_tier(reader, &mut fields);
    let is_lead = reader.boolean(&mut fields, "lead", false);
    let numbers = reader.inputs(&mut fields, INSTITUTION_FIELDS, Institution::default());
    let eligible = reader.boolean(&mut fields, "per_bed_subsidy", tier == Some(Tier::County));
    let mut known = vec!["name", "tier", "lead", "per_bed_subsidy"];
    known.extend(INSTITUTION_FIELDS.iter().map(|field| field.key));
    fields.finish(reader, &known);
    Some(Institution {
        name: name?,
        tier: tier?,
        is_lead: is_lead?,
        per_bed_subsidy_eligible: eligible?,
        ..numbers?
    })
}
