//! The county template: three tables (县 county, 医共体 communities, 机构 institutions) with Chinese
//! column names and units, filled from a scenario, and read back into scenario text with every bad cell
//! named by sheet, row and column. Nothing is imported unless every cell is valid.

use rust_decimal::Decimal;
use toml_edit::Value;

use super::xlsx::column_letters;
use super::{Cell, Table};
use crate::model::Tier;
use crate::scenario::document::{number as number_value, numbers, text as text_value};
use crate::scenario::fields::{
    self, CountyFieldKind, InputField, NumberRule, COMMUNITY_FIELDS, INSTITUTION_FIELDS,
    OUT_OF_COUNTY_FIELDS,
};
use crate::scenario::{Diagnostic, Document, Scenario};

pub const COUNTY_SHEET: &str = "县";
pub const COMMUNITY_SHEET: &str = "医共体";
pub const INSTITUTION_SHEET: &str = "机构";

/// The rows of the county sheet: key (the scenario path), Chinese and English label, rule.
fn heading<T>(field: &InputField<T>) -> String {
    format!("{}({})", field.zh, field.rule.unit_zh)
}

fn community_header() -> Vec<String> {
    let mut header = vec!["医共体名称".to_string()];
    header.extend(
        COMMUNITY_FIELDS
            .iter()
            .map(heading)
            .chain(OUT_OF_COUNTY_FIELDS.iter().map(heading)),
    );
    header
}

fn institution_header() -> Vec<String> {
    let mut header = vec![
        "所属医共体".to_string(),
        "机构名称".into(),
        "层级(县级/乡镇/村)".into(),
        "牵头医院(是/否)".into(),
    ];
    header.extend(INSTITUTION_FIELDS.iter().map(heading));
    header
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn number(value: Decimal) -> Cell {
    Cell::Number(value.normalize().to_string())
}

/// The template filled with `scenario`'s county.
pub fn export(scenario: &Scenario) -> Vec<Table> {
    let county = &scenario.input.county;
    let mut county_table = vec![vec![
        text("项目"),
        text("值"),
        text("单位"),
        text("键(请勿修改)"),
    ]];
    for field in fields::county_fields() {
        let value = field.value(county);
        let cell = match field.kind {
            CountyFieldKind::Text => text(value),
            // A schedule of several years is one cell of comma-separated numbers.
            CountyFieldKind::List if value.contains(',') => text(value),
            CountyFieldKind::List | CountyFieldKind::Number => Cell::Number(value),
        };
        county_table.push(vec![
            text(field.zh),
            cell,
            text(field.rule.map(|r| r.unit_zh).unwrap_or("")),
            text(field.path),
        ]);
    }
    let mut communities = vec![community_header().into_iter().map(text).collect::<Vec<_>>()];
    let mut institutions = vec![institution_header()
        .into_iter()
        .map(text)
        .collect::<Vec<_>>()];
    for community in &county.communities {
        let mut row = vec![text(community.name.clone())];
        row.extend(COMMUNITY_FIELDS.iter().map(|f| number((f.get)(community))));
        row.extend(
            OUT_OF_COUNTY_FIELDS
                .iter()
                .map(|f| number((f.get)(&community.out_of_county))),
        );
        communities.push(row);
        for i in &community.institutions {
            let mut row = vec![
                text(community.name.clone()),
                text(i.name.clone()),
                text(Tier::word_zh(i.tier)),
                text(if i.is_lead { "是" } else { "否" }),
            ];
            row.extend(
                INSTITUTION_FIELDS
                    .iter()
                    .map(|field| number((field.get)(i))),
            );
            institutions.push(row);
        }
    }
    vec![
        Table {
            name: COUNTY_SHEET.into(),
            rows: county_table,
        },
        Table {
            name: COMMUNITY_SHEET.into(),
            rows: communities,
        },
        Table {
            name: INSTITUTION_SHEET.into(),
            rows: institutions,
        },
    ]
}

/// Whether the first row of `cells`' table has the template's column headings, in order: a column
/// moved, inserted or deleted would put every value after it under the wrong field, so each heading that
/// is not where the template has it is named (a unit written differently is accepted: the name before
/// the bracket decides).
fn check_header(cells: &mut Cells, header: &[String]) {
    let name = |text: &str| {
        text.split(['(', '('])
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    };
    for (column, expected) in header.iter().enumerate() {
        let found = match cells.cell(0, column) {
            Cell::Text(text) => text.clone(),
            _ => String::new(),
        };
        if name(&found) != name(expected) {
            cells.problem(
                0,
                column,
                expected,
                &found,
                &format!("此列应为「{expected}」;请勿移动、插入或删除模板的列(可从「下载模板」重新获取)"),
                &format!("this column should be {expected}; do not move, insert or delete the template's columns (download the template again if needed)"),
            );
        }
    }
}

/// Collects every bad cell of an import.
struct Cells<'a> {
    table: &'a Table,
    problems: Vec<Diagnostic>,
}

impl Cells<'_> {
    fn problem(
        &mut self,
        row: usize,
        column: usize,
        header: &str,
        value: &str,
        zh: &str,
        en: &str,
    ) {
        let letter = column_letters(column + 1);
        let sheet = &self.table.name;
        self.problems.push(Diagnostic::error(
            &format!("{sheet}!{letter}{}", row + 1),
            value,
            format!(
                "工作表「{sheet}」第 {} 行 {letter} 列({header}):{zh}",
                row + 1
            ),
            format!(
                "sheet {sheet}, row {}, column {letter} ({header}): {en}",
                row + 1
            ),
        ));
    }

    fn cell(&self, row: usize, column: usize) -> &Cell {
        self.table
            .rows
            .get(row)
            .and_then(|r| r.get(column))
            .map_or(&Cell::Empty, Cell::value)
    }

    /// The text of a cell that must hold text.
    fn text(&mut self, row: usize, column: usize, header: &str) -> Option<String> {
        match self.cell(row, column).clone() {
            Cell::Text(value) if !value.trim().is_empty() => Some(value.trim().to_string()),
            Cell::Number(value) => Some(value),
            other => {
                let (zh, en) = kind_problem(&other, "应为文本", "text is expected");
                self.problem(row, column, header, &cell_text(&other), &zh, &en);
                None
            }
        }
    }

    /// The exact decimal in a cell that must hold a number within `rule`.
    fn number(
        &mut self,
        row: usize,
        column: usize,
        header: &str,
        rule: &NumberRule,
    ) -> Option<Decimal> {
        let cell = self.cell(row, column).clone();
        let raw = match &cell {
            Cell::Number(value) => value.clone(),
            Cell::Text(value) if !value.trim().is_empty() => value.trim().to_string(),
            other => {
                let (zh, en) = kind_problem(other, "应为数字", "a number is expected");
                self.problem(row, column, header, &cell_text(other), &zh, &en);
                return None;
            }
        };
        let Some(value) = fields::parse_decimal(&raw) else {
            let (zh, en) = fields::not_a_number(&raw);
            self.problem(row, column, header, &raw, zh, en);
            return None;
        };
        match rule.check(value) {
            Ok(value) => Some(value),
            Err((zh, en)) => {
                self.problem(row, column, header, &raw, &zh, &en);
                None
            }
        }
    }
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number(t) | Cell::Text(t) | Cell::Error(t) => t.clone(),
        Cell::Formula => "=…".into(),
        Cell::Computed(value) => cell_text(value),
        Cell::Date => "(日期 date)".into(),
    }
}

fn kind_problem(cell: &Cell, zh_expected: &str, en_expected: &str) -> (String, String) {
    match cell {
        Cell::Empty | Cell::Text(_) => (
            format!("{zh_expected},此格为空"),
            format!("{en_expected}; the cell is empty"),
        ),
        Cell::Formula => (
            format!("{zh_expected},此格是公式;请复制后“粘贴为数值”"),
            format!("{en_expected}; the cell holds a formula: paste it as values"),
        ),
        Cell::Date => (
            format!("{zh_expected},此格是日期;请把单元格格式改为“常规”或“数值”"),
            format!("{en_expected}; the cell holds a date: format it as General or Number"),
        ),
        Cell::Error(value) => (
            format!("{zh_expected},此格是错误值 {value}"),
            format!("{en_expected}; the cell holds the error {value}"),
        ),
        Cell::Number(_) => (zh_expected.to_string(), en_expected.to_string()),
        Cell::Computed(value) => kind_problem(value, zh_expected, en_expected),
    }
}

fn find_table<'a>(tables: &'a [Table], name: &str, first_header: &str) -> Option<&'a Table> {
    tables
        .iter()
        .find(|t| t.name == name || t.name.trim_end_matches(".csv") == name)
        .or_else(|| tables.iter().find(|t| matches!(t.rows.first().and_then(|r| r.first()), Some(Cell::Text(h)) if h.trim() == first_header)))
}

fn missing_sheet(name: &str) -> Diagnostic {
    Diagnostic::error(
        name,
        "",
        format!("缺少工作表(或 CSV 文件)「{name}」;请使用下载的模板"),
        format!("the sheet (or CSV file) {name} is missing; use the downloaded template"),
    )
}

/// Scenario text from the filled template, or every problem at once.
pub fn import(tables: &[Table]) -> Result<String, Vec<Diagnostic>> {
    let county_table = find_table(tables, COUNTY_SHEET, "项目");
    let community_table = find_table(tables, COMMUNITY_SHEET, "医共体名称");
    let institution_table = find_table(tables, INSTITUTION_SHEET, "所属医共体");
    let (Some(county_table), Some(community_table), Some(institution_table)) =
        (county_table, community_table, institution_table)
    else {
        let mut missing = Vec::new();
        for (found, name) in [
            (county_table, COUNTY_SHEET),
            (community_table, COMMUNITY_SHEET),
            (institution_table, INSTITUTION_SHEET),
        ] {
            if found.is_none() {
                missing.push(missing_sheet(name));
            }
        }
        return Err(missing);
    };
    let mut problems = Vec::new();

    // The county sheet: one value a row, found by its key column (or, failing that, by its label).
    let mut county = Cells {
        table: county_table,
        problems: Vec::new(),
    };
    let mut values: Vec<(String, Value)> = Vec::new();
    for field in fields::county_fields() {
        let (key, zh, rule) = (field.path.clone(), field.zh.clone(), field.rule);
        let row = (1..county.table.rows.len())
            .find(|&r| matches!(county.cell(r, 3), Cell::Text(k) if k.trim() == key))
            .or_else(|| {
                (1..county.table.rows.len())
                    .find(|&r| matches!(county.cell(r, 0), Cell::Text(label) if label.trim() == zh))
            });
        // The same item twice: which value is meant cannot be told, so neither is taken.
        if let Some(row) = row {
            let again = (row + 1..county.table.rows.len())
                .find(|&r| matches!(county.cell(r, 3), Cell::Text(k) if k.trim() == key));
            if let Some(again) = again {
                county.problem(
                    again,
                    3,
                    &zh,
                    &key,
                    &format!("「{zh}」在第 {} 行已有一行;请只保留一行", row + 1),
                    &format!("{zh} already has a row (row {}); keep only one", row + 1),
                );
                continue;
            }
        }
        let Some(row) = row else {
            county.problems.push(Diagnostic::error(
                &format!("{COUNTY_SHEET}!{key}"),
                "",
                format!("工作表「{COUNTY_SHEET}」缺少「{zh}」一行"),
                format!("sheet {COUNTY_SHEET} has no row for {zh} ({key})"),
            ));
            continue;
        };
        let value = match (field.kind, rule) {
            (CountyFieldKind::Text, _) => county.text(row, 1, &zh).map(|v| text_value(&v)),
            (CountyFieldKind::List, Some(rule)) => match county.cell(row, 1).clone() {
                Cell::Text(list) if list.contains(',') => {
                    let parts: Vec<Option<Decimal>> = list
                        .split(',')
                        .map(|p| {
                            Decimal::from_str_exact(p.trim())
                                .ok()
                                .filter(|v| *v >= rule.min && *v <= rule.max)
                        })
                        .collect();
                    if parts.iter().all(Option::is_some) && parts.len() <= 10 {
                        Some(numbers(parts.into_iter().flatten()))
                    } else {
                        county.problem(
                            row,
                            1,
                            &zh,
                            &list,
                            "应为一个数或用逗号分隔的逐年数值",
                            "expected a number, or yearly numbers separated by commas",
                        );
                        None
                    }
                }
                _ => county.number(row, 1, &zh, &rule).map(|v| numbers([v])),
            },
            (_, Some(rule)) => county.number(row, 1, &zh, &rule).map(number_value),
            _ => None,
        };
        if let Some(value) = value {
            values.push((key, value));
        }
    }
    problems.append(&mut county.problems);

    // Communities, one a row.
    let mut communities = Cells {
        table: community_table,
        problems: Vec::new(),
    };
    let header = community_header();
    check_header(&mut communities, &header);
    // Each community's name, its values and its out-of-county values.
    let mut community_entries: Vec<CommunityEntry> = Vec::new();
    for row in 1..communities.table.rows.len() {
        if communities.table.rows[row].iter().all(Cell::is_empty) {
            continue;
        }
        let name = communities.text(row, 0, &header[0]);
        let mut entry = CommunityEntry {
            name: name.clone().unwrap_or_else(|| "?".into()),
            values: Vec::new(),
            out_of_county: Vec::new(),
            institutions: Vec::new(),
        };
        for (offset, field) in COMMUNITY_FIELDS.iter().enumerate() {
            if let Some(value) =
                communities.number(row, 1 + offset, &header[1 + offset], &field.rule)
            {
                entry.values.push((field.key, number_value(value)));
            }
        }
        for (offset, field) in OUT_OF_COUNTY_FIELDS.iter().enumerate() {
            let column = 1 + COMMUNITY_FIELDS.len() + offset;
            if let Some(value) = communities.number(row, column, &header[column], &field.rule) {
                entry.out_of_county.push((field.key, number_value(value)));
            }
        }
        if let Some(name) = name {
            if community_entries.iter().any(|c| c.name == name) {
                communities.problem(
                    row,
                    0,
                    &header[0],
                    &name,
                    "医共体名称重复",
                    "a community of this name is already listed",
                );
            }
            community_entries.push(entry);
        }
    }
    problems.append(&mut communities.problems);

    // Institutions, one entry a row, attached to their community by name.
    let mut institutions = Cells {
        table: institution_table,
        problems: Vec::new(),
    };
    let header = institution_header();
    check_header(&mut institutions, &header);
    for row in 1..institutions.table.rows.len() {
        if institutions.table.rows[row].iter().all(Cell::is_empty) {
            continue;
        }
        let community = institutions.text(row, 0, &header[0]);
        let index = community
            .as_ref()
            .and_then(|name| community_entries.iter().position(|c| c.name == *name));
        if let (Some(name), None) = (&community, index) {
            institutions.problem(
                row,
                0,
                &header[0],
                name,
                "在「医共体」工作表中找不到这个医共体",
                "no community of this name in the communities sheet",
            );
        }
        let name = institutions.text(row, 1, &header[1]);
        let tier = match institutions.cell(row, 2).clone() {
            Cell::Text(t) => match Tier::from_word(t.trim()).map(Tier::key) {
                Some(key) => Some(key),
                None => {
                    let other = t.trim();
                    institutions.problem(
                        row,
                        2,
                        &header[2],
                        other,
                        "层级应为 县级、乡镇 或 村",
                        "the tier is 县级 (county), 乡镇 (township) or 村 (village)",
                    );
                    None
                }
            },
            other => {
                let (zh, en) = kind_problem(
                    &other,
                    "层级应为 县级、乡镇 或 村",
                    "the tier is 县级, 乡镇 or 村",
                );
                institutions.problem(row, 2, &header[2], &cell_text(&other), &zh, &en);
                None
            }
        };
        let lead = match institutions.cell(row, 3).clone() {
            Cell::Text(t) if matches!(t.trim(), "是" | "yes" | "TRUE" | "true") => Some(true),
            Cell::Text(t) if matches!(t.trim(), "否" | "no" | "FALSE" | "false" | "") => {
                Some(false)
            }
            Cell::Empty => Some(false),
            other => {
                institutions.problem(
                    row,
                    3,
                    &header[3],
                    &cell_text(&other),
                    "牵头医院应填 是 或 否",
                    "lead hospital is 是 (yes) or 否 (no)",
                );
                None
            }
        };
        let mut values = vec![
            ("name", text_value(name.as_deref().unwrap_or("?"))),
            ("tier", text_value(tier.unwrap_or("county"))),
        ];
        if lead == Some(true) {
            values.push(("lead", Value::from(true)));
        }
        for (offset, field) in INSTITUTION_FIELDS.iter().enumerate() {
            let column = 4 + offset;
            if institutions.cell(row, column).is_empty() {
                if let Some(default) = field.default {
                    values.push((field.key, number_value(default)));
                    continue;
                }
            }
            if let Some(value) = institutions.number(row, column, &header[column], &field.rule) {
                values.push((field.key, number_value(value)));
            }
        }
        if let Some(index) = index {
            community_entries[index].institutions.push(values);
        }
    }
    problems.append(&mut institutions.problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let text = scenario_of(&values, &community_entries).map_err(|d| vec![d])?;
    // The whole scenario is validated too (a community without a lead hospital, say).
    crate::scenario::load(&text, &[])?;
    Ok(text)
}

/// One community read from the sheets: its name, values, out-of-county values and institutions.
struct CommunityEntry {
    name: String,
    values: Vec<(&'static str, Value)>,
    out_of_county: Vec<(&'static str, Value)>,
    institutions: Vec<Vec<(&'static str, Value)>>,
}

/// The imported county as a scenario, built through the scenario document (no text by hand): the
/// county's values at their paths, then each community with its institutions; today's levers as a
/// new county's.
fn scenario_of(
    county: &[(String, Value)],
    communities: &[CommunityEntry],
) -> Result<String, Diagnostic> {
    let mut document = Document::new("由表格模板导入 / imported from the spreadsheet template");
    let title = county
        .iter()
        .find(|(path, _)| path == "county.name")
        .map_or_else(|| text_value("?"), |(_, v)| v.clone());
    document.put("meta.title", title)?;
    document.put(
        "meta.description",
        text_value("由表格模板导入 / imported from the spreadsheet template"),
    )?;
    for (path, value) in county {
        document.put(path, value.clone())?;
    }
    for community in communities {
        let mut values = vec![("name", text_value(&community.name))];
        values.extend(community.values.iter().cloned());
        let index = document.push_entry("communities", &values, &[])?;
        for (key, value) in &community.out_of_county {
            document.put(
                &format!("communities.{index}.out_of_county.{key}"),
                value.clone(),
            )?;
        }
        for institution in &community.institutions {
            document.push_entry(
                &format!("communities.{index}.institutions"),
                institution,
                &[],
            )?;
        }
    }
    document.put("levers.global_budget", Value::from(false))?;
    // Today's public-health money follows the national standard of the county's own projection years.
    let whole = |path: &str, default: i64| {
        county
            .iter()
            .find(|(p, _)| p == path)
            .and_then(|(_, v)| v.as_integer())
            .unwrap_or(default)
    };
    let base_year = i32::try_from(whole("county.base_year", 2024)).unwrap_or(2024);
    let horizon = usize::try_from(whole("county.horizon_years", 5).clamp(1, 10)).unwrap_or(5);
    document.put(
        "levers.public_health_per_capita_yuan",
        numbers(crate::model::params::public_health_schedule(
            base_year, horizon,
        )),
    )?;
    Ok(document.text())
}

/// A filled template put into the `current` scenario: its county replaces the current county, and
/// everything else (title, levers, reform, assumptions, the estimate marks of values the sheet did not
/// change) stays. Returns the scenario text and the paths whose values the sheet changed.
pub fn import_into(
    tables: &[Table],
    current: &str,
) -> Result<(String, Vec<String>), Vec<Diagnostic>> {
    let imported = crate::scenario::Document::from_text(&import(tables)?).map_err(|d| vec![d])?;
    let mut document = crate::scenario::Document::from_text(current).map_err(|d| vec![d])?;
    let changed = document.replace_county(&imported);
    let text = document.text();
    crate::scenario::load(&text, &[])?;
    Ok((text, changed))
}

/// A CSV file's text and, when it was not UTF-8, the encoding found: UTF-16 with a byte-order mark (what
/// Excel saves as "Unicode text"), or GB18030, which includes GBK (what Chinese Excel and WPS save as
/// "CSV"; decoded natively with encoding_rs, and in the page by the browser before the bytes get here).
fn decode_csv(bytes: &[u8]) -> Option<(String, Option<&'static str>)> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some((text.to_string(), None));
    }
    let utf16 = |little: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|pair| {
                if little {
                    u16::from_le_bytes([pair[0], pair[1]])
                } else {
                    u16::from_be_bytes([pair[0], pair[1]])
                }
            })
            .collect();
        String::from_utf16(&units).ok()
    };
    match bytes {
        [0xFF, 0xFE, ..] => return utf16(true).map(|text| (text, Some("UTF-16"))),
        [0xFE, 0xFF, ..] => return utf16(false).map(|text| (text, Some("UTF-16"))),
        _ => {}
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| (text.into_owned(), Some("GB18030 (GBK)")))
    }
    #[cfg(target_arch = "wasm32")]
    {
        None
    }
}

/// One note for each CSV file that was not UTF-8, saying the encoding found (the figures are the same;
/// the note lets the planner check the names came through).
pub fn encoding_notes(files: &[(String, Vec<u8>)]) -> Vec<Diagnostic> {
    files
        .iter()
        .filter(|(_, bytes)| !bytes.starts_with(b"PK"))
        .filter_map(|(name, bytes)| Some((name, decode_csv(bytes)?.1?)))
        .map(|(name, encoding)| {
            Diagnostic::warning(
                name,
                encoding,
                format!("此 CSV 文件不是 UTF-8,已按 {encoding} 读取:请核对中文名称是否正确"),
                format!("this CSV file is not UTF-8; it was read as {encoding}: check that the Chinese names came through"),
            )
        })
        .collect()
}

/// A note for each formula in the template's sheets whose computed value (as Excel or WPS last saved
/// it) is read as the cell's value: the planner should know the figure came from a formula.
pub fn formula_notes(tables: &[Table]) -> Vec<Diagnostic> {
    let mut notes = Vec::new();
    for table in tables.iter().filter(|t| {
        [COUNTY_SHEET, COMMUNITY_SHEET, INSTITUTION_SHEET]
            .contains(&t.name.trim_end_matches(".csv"))
    }) {
        for (r, row) in table.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let Cell::Computed(value) = cell {
                    let sheet = &table.name;
                    let place = format!("{}{}", column_letters(c + 1), r + 1);
                    notes.push(Diagnostic::warning(
                        &format!("{sheet}!{place}"),
                        &cell_text(value),
                        format!("工作表「{sheet}」{place} 是公式,已取其计算结果(文件保存时的值)"),
                        format!("sheet {sheet}, cell {place} holds a formula: its computed value (as last saved) is used"),
                    ));
                }
            }
        }
    }
    notes
}

/// The template's tables as CSV files: (file name, contents), one per table and named by it, UTF-8
/// with a byte-order mark, as `ygt template -o DIR` writes them and [`read_files`] reads them.
pub fn csv_files(tables: &[Table]) -> Vec<(String, Vec<u8>)> {
    tables
        .iter()
        .map(|table| {
            (
                format!("{}.csv", table.name),
                super::csv::write(table).into_bytes(),
            )
        })
        .collect()
}

/// The template's tables as one zip archive of their [`csv_files`], so a browser downloads one file;
/// [`read_files`] reads it back as it is.
pub fn csv_archive(tables: &[Table]) -> Vec<u8> {
    super::zip::write(&csv_files(tables))
}

/// Files read from a zip archive, (name, bytes), or the problem with one of them.
type ArchiveFiles = Result<Vec<(String, Vec<u8>)>, Diagnostic>;

/// A CSV file that is not UTF-8, UTF-16 or (natively) GBK. In the page the core does not decode GBK
/// (the page does, for a CSV file imported on its own), so one that reaches it came inside a zip.
#[cfg(not(target_arch = "wasm32"))]
const UNKNOWN_ENCODING: (&str, &str) = (
    "无法识别 CSV 文件的编码(不是 UTF-8、UTF-16 或 GBK);请在 Excel/WPS 中另存为“CSV UTF-8”",
    "cannot tell the CSV file's encoding (not UTF-8, UTF-16 or GBK); save it as \"CSV UTF-8\" in Excel or WPS",
);
#[cfg(target_arch = "wasm32")]
const UNKNOWN_ENCODING: (&str, &str) = (
    "这个 CSV 文件不是 UTF-8 编码(可能是 GBK):压缩包中的 CSV 须为 UTF-8;请解压后直接导入这些 CSV 文件(网页能读 GBK),或在 Excel/WPS 中另存为“CSV UTF-8”",
    "this CSV file is not UTF-8 (perhaps GBK): CSV files inside an archive must be UTF-8; unzip it and import the CSV files themselves (the page reads GBK), or save them as \"CSV UTF-8\" in Excel or WPS",
);

/// Why a zip archive of CSV files cannot be read, (Chinese, English).
fn archive_problem(name: &str, zh: &str, en: &str) -> Diagnostic {
    Diagnostic::error(name, "", zh, en)
}

/// The CSV files inside a zip archive (the CSV template downloads as one), or `None` when the archive
/// is a workbook (an .xlsx is a zip archive too, with `xl/workbook.xml`). A zip inside the archive is
/// not opened; an archive that is damaged, too large or holds no CSV file says so.
fn zipped_csv_files(name: &str, bytes: &[u8]) -> Option<ArchiveFiles> {
    use super::zip::{Archive, ZipError};
    let named_zip = name.to_ascii_lowercase().ends_with(".zip");
    let archive = match Archive::open(bytes) {
        Ok(archive) => archive,
        // Not named .zip: let the workbook reader say what is wrong with the .xlsx.
        Err(_) if !named_zip => return None,
        Err(ZipError::TooLarge) => {
            return Some(Err(archive_problem(
                name,
                "压缩包的文件太多或解压后太大:县情模板的压缩包只有三个 CSV 文件",
                "the archive has too many files or is too large unpacked: the template's archive holds three CSV files",
            )))
        }
        Err(_) => {
            return Some(Err(archive_problem(
                name,
                "压缩包已损坏或不完整:请重新下载模板,或解压后导入其中的 CSV 文件",
                "the archive is damaged or cut short: download the template again, or unzip it and import its CSV files",
            )))
        }
    };
    if archive.names().any(|entry| entry.ends_with("workbook.xml")) {
        return None;
    }
    let names: Vec<String> = archive
        .names()
        .filter(|entry| entry.to_ascii_lowercase().ends_with(".csv"))
        .map(str::to_string)
        .collect();
    // Another kind of zip (an .ods, a damaged .xlsx): the workbook reader names it.
    if names.is_empty() && !named_zip {
        return None;
    }
    if names.is_empty() {
        return Some(Err(archive_problem(
            name,
            "压缩包中没有 CSV 文件:应含县情模板的 县.csv、医共体.csv、机构.csv",
            "the archive holds no CSV file: it should hold the template's 县.csv, 医共体.csv and 机构.csv",
        )));
    }
    let read = names
        .iter()
        .map(|entry| match archive.part(entry) {
            Ok(Some(contents)) if contents.starts_with(b"PK") => Err(archive_problem(
                entry,
                "这是压缩包中的另一个压缩包,不会被打开:请导入 CSV 文件本身",
                "this is an archive inside the archive and is not opened: import the CSV files themselves",
            )),
            Ok(Some(contents)) => Ok((entry.clone(), contents)),
            Err(ZipError::TooLarge) => Err(archive_problem(
                entry,
                "这个 CSV 文件解压后超过 32 MB(县情模板远小于此):请只保留模板的内容",
                "this CSV file is over 32 MB unpacked (a county template is far smaller): keep only the template's content",
            )),
            _ => Err(archive_problem(
                entry,
                "压缩包中的这个 CSV 文件已损坏:请重新压缩,或解压后导入",
                "this CSV file in the archive is damaged: zip the files again, or unzip and import them",
            )),
        })
        .collect();
    Some(read)
}

/// Reads the files of a filled template: one .xlsx, CSV files (named by their table), or a zip archive
/// of those CSV files. `files` are (file name, bytes).
pub fn read_files(files: &[(String, Vec<u8>)]) -> Result<Vec<Table>, Vec<Diagnostic>> {
    let mut tables = Vec::new();
    let mut problems = Vec::new();
    for (name, bytes) in files {
        if bytes.is_empty() {
            problems.push(Diagnostic::error(
                name,
                "",
                "文件是空的(0 字节):请重新保存或重新下载模板",
                "the file is empty (0 bytes): save it again or download the template again",
            ));
            continue;
        }
        // An old Excel 97-2003 workbook (.xls) is an OLE2 compound file; so is an .xlsx with a password.
        let encrypted = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            && bytes.windows(32).any(|w| {
                w == "EncryptedPackage"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<u8>>()
                    .as_slice()
            });
        if encrypted {
            problems.push(Diagnostic::error(
                name,
                "",
                "工作簿设有打开密码:请在 Excel/WPS 中取消密码后另存为 .xlsx",
                "the workbook is protected by a password: remove the password in Excel or WPS and save it as .xlsx",
            ));
            continue;
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            problems.push(Diagnostic::error(
                name,
                "",
                "这是旧版 Excel 97-2003 工作簿(.xls):请在 Excel/WPS 中“另存为” Excel 工作簿(.xlsx)",
                "this is an old Excel 97-2003 workbook (.xls): use Save As in Excel or WPS and choose Excel workbook (.xlsx)",
            ));
        } else if let Some(zipped) = bytes
            .starts_with(b"PK")
            .then(|| zipped_csv_files(name, bytes))
            .flatten()
        {
            match zipped.map(|entries| read_files(&entries)) {
                Ok(Ok(mut read)) => tables.append(&mut read),
                Ok(Err(mut found)) => problems.append(&mut found),
                Err(problem) => problems.push(problem),
            }
        } else if bytes.starts_with(b"PK") {
            match super::xlsx::read(bytes) {
                Ok(mut read) => tables.append(&mut read),
                Err(error) => {
                    let (zh, en) = error.messages();
                    problems.push(Diagnostic::error(
                        name,
                        "",
                        format!("无法读取 .xlsx 文件:{zh}"),
                        format!("cannot read the .xlsx file: {en}"),
                    ))
                }
            }
        } else if bytes.len() > super::csv::MAX_BYTES {
            problems.push(Diagnostic::error(
                name,
                "",
                format!(
                    "CSV 文件有 {} 字节,超过上限 {} MB(县情模板远小于此):请只保留模板的内容",
                    bytes.len(),
                    super::csv::MAX_BYTES / 1024 / 1024
                ),
                format!(
                    "the CSV file has {} bytes, more than the limit of {} MB (a county template is far smaller): keep only the template's content",
                    bytes.len(),
                    super::csv::MAX_BYTES / 1024 / 1024
                ),
            ));
        } else {
            match decode_csv(bytes) {
                Some((text, _)) => {
                    let stem = name
                        .rsplit(['/', '\\'])
                        .next()
                        .unwrap_or(name)
                        .trim_end_matches(".csv")
                        .trim_end_matches(".txt")
                        .to_string();
                    match super::csv::read(&stem, &text) {
                        Ok(table) => tables.push(table),
                        Err((row, column)) => {
                            let (zh, en) = super::xlsx::XlsxError::TooBig {
                                sheet: stem.clone(),
                                row,
                                column,
                            }
                            .messages();
                            problems.push(Diagnostic::error(name, "", zh, en));
                        }
                    }
                }
                None => {
                    let (zh, en) = UNKNOWN_ENCODING;
                    problems.push(Diagnostic::error(name, "", zh, en))
                }
            }
        }
    }
    // Two files or sheets for one table: which one is meant cannot be told.
    for (index, table) in tables.iter().enumerate() {
        let stem = table.name.trim_end_matches(".csv");
        if tables[..index]
            .iter()
            .any(|t| t.name.trim_end_matches(".csv") == stem)
        {
            problems.push(Diagnostic::error(
                &table.name,
                "",
                format!("「{stem}」出现了两次(两个文件或两张表):请只保留一个"),
                format!("{stem} is given twice (two files or two sheets): keep only one"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(tables)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{load, shipped};

    fn default_scenario() -> Scenario {
        load(shipped::default_text(), &[]).unwrap().scenario
    }

    #[test]
    fn an_import_applies_a_changed_value_per_year() {
        // The default county's per-capita contribution is [400]; a sheet giving 420, then 420 and
        // 440, then 420 again: each import gives exactly the sheet's list, and says what changed.
        let current = shipped::default_text().to_string();
        let with = |text: &str, list: &str| {
            let mut document = crate::scenario::Document::from_text(text).unwrap();
            document
                .set("county.individual_per_capita_yuan", list)
                .unwrap();
            export(&load(&document.text(), &[]).unwrap().scenario)
        };
        let contribution = |text: &str| {
            load(text, &[])
                .unwrap()
                .scenario
                .input
                .county
                .individual_per_capita
                .values()
                .to_vec()
        };
        let (one, changed) = import_into(&with(&current, "[420]"), &current).unwrap();
        assert_eq!(contribution(&one), [rust_decimal_macros::dec!(420)]);
        assert_eq!(changed, ["county.individual_per_capita_yuan.0"]);
        let (two, _) = import_into(&with(&current, "[420, 440]"), &one).unwrap();
        assert_eq!(
            contribution(&two),
            [
                rust_decimal_macros::dec!(420),
                rust_decimal_macros::dec!(440)
            ]
        );
        let (back, _) = import_into(&with(&current, "[420]"), &two).unwrap();
        assert_eq!(contribution(&back), [rust_decimal_macros::dec!(420)]);
    }

    #[test]
    fn a_zip_of_the_csv_files_reads_as_the_files_themselves() {
        let tables = export(&default_scenario());
        let files = csv_files(&tables);
        let zipped = vec![("县情模板-CSV.zip".to_string(), csv_archive(&tables))];
        assert_eq!(read_files(&zipped).unwrap(), read_files(&files).unwrap());
        // A zip inside the archive is not opened.
        let nested = super::super::zip::write(&[("机构.csv", zipped[0].1.clone())]);
        let problems = read_files(&[("a.zip".into(), nested)]).unwrap_err();
        assert!(
            problems[0].message_zh.contains("不会被打开"),
            "{problems:?}"
        );
        // An archive with no CSV file, or cut short, says so (not that it is a bad workbook).
        let text_only = super::super::zip::write(&[("readme.txt", b"hello".to_vec())]);
        let problems = read_files(&[("a.zip".into(), text_only)]).unwrap_err();
        assert!(
            problems[0].message_zh.contains("没有 CSV 文件"),
            "{problems:?}"
        );
        let cut = zipped[0].1[..zipped[0].1.len() - 30].to_vec();
        let problems = read_files(&[("a.zip".into(), cut)]).unwrap_err();
        assert!(problems[0].message_zh.contains("损坏"), "{problems:?}");
    }

    #[test]
    fn importing_into_a_scenario_changes_only_the_county_and_keeps_unchanged_estimate_marks() {
        // A county built from its population: every input an estimate; a reform on top.
        let mut current = crate::scenario::Document::from_text(
            &crate::scenario::template::from_population("新县", 450_000),
        )
        .unwrap();
        current.set("reform.per_bed_subsidy_yuan", "4500").unwrap();
        current.set("assumptions.adjustment_speed", "0.4").unwrap();
        let current_text = current.text();
        let loaded = load(&current_text, &[]).unwrap();
        let marks_before = loaded.scenario.meta.estimated_fields.len();
        // The template of that county, with one figure changed, as a planner fills it in.
        let mut tables = export(&loaded.scenario);
        let beds_column = tables[2].rows[0]
            .iter()
            .position(|c| matches!(c, Cell::Text(t) if t.starts_with("床位")))
            .unwrap();
        tables[2].rows[1][beds_column] = Cell::Number("777".into());
        let (text, changed) = import_into(&tables, &current_text).unwrap();
        assert_eq!(
            changed,
            vec!["communities.0.institutions.0.beds".to_string()]
        );
        let merged = load(&text, &[]).unwrap().scenario;
        assert_eq!(
            merged.input.county.communities[0].institutions[0].beds,
            rust_decimal::Decimal::from(777)
        );
        assert_eq!(merged.input.reform, loaded.scenario.input.reform);
        assert_eq!(merged.input.assumptions, loaded.scenario.input.assumptions);
        assert_eq!(merged.meta.title, loaded.scenario.meta.title);
        // Only the changed figure lost its estimate mark.
        assert_eq!(merged.meta.estimated_fields.len(), marks_before - 1);
        assert!(!merged
            .meta
            .estimated_fields
            .contains(&"communities.0.institutions.0.beds".to_string()));
    }

    #[test]
    fn an_imported_county_is_paid_the_public_health_standard_of_its_own_years() {
        // The default county's template with its base year set to 2022: today's public-health money
        // is 2023-2027's national standard, 89 yuan then 5 more a year (not 2025's 99).
        let mut tables = export(&default_scenario());
        let base_year_row = tables[0]
            .rows
            .iter()
            .position(|row| matches!(row.last(), Some(Cell::Text(t)) if t == "county.base_year"))
            .unwrap();
        tables[0].rows[base_year_row][1] = Cell::Number("2022".into());
        let text = import(&tables).unwrap();
        let scenario = load(&text, &[]).unwrap().scenario;
        let schedule: Vec<String> = (1..=5)
            .map(|year| {
                scenario
                    .input
                    .baseline
                    .at(crate::model::Lever::PublicHealthPerCapitaYuan, year)
                    .to_string()
            })
            .collect();
        assert_eq!(schedule, ["89", "94", "99", "104", "109"]);
    }

    #[test]
    fn csv_saved_as_gbk_or_utf16_is_read_and_said() {
        let scenario = default_scenario();
        let tables = export(&scenario);
        let utf8 = super::super::csv::write(&tables[2]);
        let plain = utf8.trim_start_matches('\u{feff}');
        let expected = import(
            &read_files(&[
                (
                    "县.csv".into(),
                    super::super::csv::write(&tables[0]).into_bytes(),
                ),
                (
                    "医共体.csv".into(),
                    super::super::csv::write(&tables[1]).into_bytes(),
                ),
                ("机构.csv".into(), utf8.clone().into_bytes()),
            ])
            .unwrap(),
        )
        .unwrap();
        // 机构 saved as GBK (Chinese Excel's "CSV"), then as UTF-16 with tabs (Excel's "Unicode text").
        let (gbk, _, lossy) = encoding_rs::GBK.encode(plain);
        assert!(!lossy);
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in plain.replace(',', "\t").encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        for (bytes, encoding) in [(gbk.into_owned(), "GB18030 (GBK)"), (utf16, "UTF-16")] {
            let files = vec![
                (
                    "县.csv".into(),
                    super::super::csv::write(&tables[0]).into_bytes(),
                ),
                (
                    "医共体.csv".into(),
                    super::super::csv::write(&tables[1]).into_bytes(),
                ),
                ("机构.csv".into(), bytes),
            ];
            assert_eq!(
                import(&read_files(&files).unwrap()).unwrap(),
                expected,
                "{encoding}"
            );
            let notes = encoding_notes(&files);
            assert_eq!(notes.len(), 1);
            assert_eq!(notes[0].value, encoding);
            assert_eq!(notes[0].path, "机构.csv");
        }
    }

    #[test]
    fn xls_and_ods_files_are_named_and_told_how_to_save() {
        let xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0].to_vec();
        let problems = read_files(&[("县情.xls".into(), xls)]).unwrap_err();
        assert!(
            problems[0]
                .message_en
                .contains("Excel 97-2003 workbook (.xls)"),
            "{}",
            problems[0].message_en
        );
        // An .ods is a zip whose first entry, `mimetype`, names it.
        let ods = super::super::zip::write(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
            ),
            ("content.xml", b"<office:document-content/>".to_vec()),
        ]);
        let problems = read_files(&[("县情.ods".into(), ods)]).unwrap_err();
        assert!(
            problems[0]
                .message_en
                .contains("OpenDocument spreadsheet (.ods"),
            "{}",
            problems[0].message_en
        );
        assert!(!problems[0].message_en.contains("Missing"));
    }

    #[test]
    fn a_csv_over_the_limit_is_refused_by_name_not_cut() {
        // A cut at 8 MiB fell inside a Chinese character (a panic) or inside a number (a wrong value).
        let mut text = String::from("机构,床位\n");
        while text.len() <= super::super::csv::MAX_BYTES {
            text.push_str("县人民医院,3000000\n");
        }
        let problems = read_files(&[("机构.csv".into(), text.into_bytes())]).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .message_en
                .contains("more than the limit of 8 MB"),
            "{}",
            problems[0].message_en
        );
        assert_eq!(problems[0].path, "机构.csv");
    }

    #[test]
    fn a_workbook_with_rows_past_the_limit_is_refused_not_cut() {
        let mut rows = vec![vec![Cell::Text("名称".into())]];
        rows.extend(
            (0..super::super::xlsx::MAX_ROWS).map(|i| vec![Cell::Text(format!("机构{i}"))]),
        );
        let bytes = super::super::xlsx::write(&[Table {
            name: "机构".into(),
            rows,
        }]);
        let problems = read_files(&[("county.xlsx".into(), bytes)]).unwrap_err();
        assert!(
            problems[0].message_en.contains("row 20001"),
            "{}",
            problems[0].message_en
        );
        assert!(!problems[0].message_en.contains("TooBig"));
    }

    #[test]
    fn export_then_import_gives_the_same_county() {
        let scenario = default_scenario();
        let tables = export(&scenario);
        let text = import(&tables).unwrap();
        let imported = load(&text, &[]).unwrap().scenario;
        assert_eq!(imported.input.county, scenario.input.county);
        // Through a real .xlsx and through CSV files as well.
        let workbook = super::super::xlsx::write(&tables);
        let from_xlsx = import(&read_files(&[("county.xlsx".into(), workbook)]).unwrap()).unwrap();
        assert_eq!(
            load(&from_xlsx, &[]).unwrap().scenario.input.county,
            scenario.input.county
        );
        let csv_files = csv_files(&tables);
        let from_csv = import(&read_files(&csv_files).unwrap()).unwrap();
        assert_eq!(
            load(&from_csv, &[]).unwrap().scenario.input.county,
            scenario.input.county
        );
    }

    #[test]
    fn every_bad_cell_is_named_by_sheet_row_and_column() {
        let mut tables = export(&default_scenario());
        tables[2].rows[1][5] = Cell::Formula; // beds of the first institution
        tables[2].rows[2][6] = Cell::Date; // staff of the second
        tables[2].rows[3][7] = Cell::Text("70,000".into()); // visits with a thousands separator
        tables[1].rows[1][1] = Cell::Text("-5".into()); // insured residents
        tables[0].rows[2][1] = Cell::Text("二〇二四".into()); // base year
        let problems = import(&tables).unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            vec!["县!B3", "医共体!B2", "机构!F2", "机构!G3", "机构!H4"]
        );
        assert!(problems[2].message_zh.contains("公式"));
        assert!(problems[3].message_en.contains("date"));
        assert!(problems[4].message_en.contains("thousands separators"));
        assert!(problems[1].message_zh.contains("第 2 行 B 列"));
    }

    #[test]
    fn a_missing_sheet_is_named() {
        let tables = export(&default_scenario());
        let problems = import(&tables[..2]).unwrap_err();
        assert_eq!(problems[0].path, INSTITUTION_SHEET);
    }

    #[test]
    fn a_formulas_computed_value_is_imported_and_named() {
        let mut tables = export(&default_scenario());
        tables[2].rows[1][5] = Cell::Computed(Box::new(Cell::Number("321".into()))); // beds
        let text = import(&tables).unwrap();
        let loaded = load(&text, &[]).unwrap();
        assert_eq!(
            loaded.scenario.input.county.communities[0].institutions[0].beds,
            Decimal::from(321)
        );
        let notes = formula_notes(&tables);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].path, "机构!F2");
        assert_eq!(notes[0].value, "321");
        assert!(notes[0].message_zh.contains("公式"));
    }

    #[test]
    fn moved_columns_are_refused_by_heading_not_read_under_the_wrong_field() {
        let mut tables = export(&default_scenario());
        for row in &mut tables[2].rows {
            row.swap(5, 6); // beds and staff, headings included
        }
        let problems = import(&tables).unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["机构!F1", "机构!G1"]);
        assert!(problems[0].message_zh.contains("此列应为「床位(张)」"));
    }

    #[test]
    fn the_lead_hospital_moved_in_the_sheet_is_imported_into_the_scenario() {
        let scenario = default_scenario();
        let current = crate::scenario::shipped::default_text();
        let mut tables = export(&scenario);
        tables[2].rows[1][3] = Cell::Text("否".into());
        tables[2].rows[2][3] = Cell::Text("是".into());
        let (text, changed) = import_into(&tables, current).unwrap();
        assert!(changed.contains(&"communities.0.institutions.0.lead".to_string()));
        let loaded = load(&text, &[]).unwrap();
        let institutions = &loaded.scenario.input.county.communities[0].institutions;
        assert!(!institutions[0].is_lead && institutions[1].is_lead);
    }

    #[test]
    fn a_csv_of_millions_of_empty_lines_is_refused_by_its_rows_not_read() {
        // 8 MB of line breaks took 1.4 GB as rows (found by hand beside the fuzzer).
        let lines = vec![b'\n'; 4 * 1024 * 1024];
        let started = std::time::Instant::now();
        let problems = read_files(&[("机构.csv".into(), lines)]).unwrap_err();
        assert!(started.elapsed().as_secs() < 5);
        assert!(
            problems[0]
                .message_en
                .contains("beyond the limit (20000 rows"),
            "{}",
            problems[0].message_en
        );
    }

    #[test]
    fn a_repeated_row_a_repeated_table_and_an_empty_file_are_named() {
        let mut tables = export(&default_scenario());
        let repeated = tables[0].rows[4].clone();
        tables[0].rows.push(repeated);
        let problems = import(&tables).unwrap_err();
        assert!(
            problems[0].message_en.contains("already has a row"),
            "{}",
            problems[0].message_en
        );
        let csv = |t: &Table| super::super::csv::write(t).into_bytes();
        let tables = export(&default_scenario());
        let files: Vec<(String, Vec<u8>)> = vec![
            ("县.csv".into(), csv(&tables[0])),
            ("医共体.csv".into(), csv(&tables[1])),
            ("机构.csv".into(), csv(&tables[2])),
            ("other/机构.csv".into(), csv(&tables[2])),
            ("empty.xlsx".into(), Vec::new()),
        ];
        let problems = read_files(&files).unwrap_err();
        let said: Vec<&str> = problems.iter().map(|d| d.message_en.as_str()).collect();
        assert!(
            said.iter().any(|m| m.contains("the file is empty")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|m| m.contains("机构 is given twice")),
            "{said:?}"
        );
    }
}
