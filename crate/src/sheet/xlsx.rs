//! .xlsx workbooks: the cells of every sheet (with what kind of cell each is, so a formula or a date
//! where a number belongs can be named), and writing a workbook of text and number cells.

use std::collections::HashMap;

use super::xml::{self, attribute, Event};
use super::zip;
use super::{Cell, Table};

/// Most rows and columns read from a sheet.
pub const MAX_ROWS: usize = 20_000;
pub const MAX_COLUMNS: usize = 200;
/// Most cells (counting the empty ones a row's width holds) and most bytes of cell text in the whole
/// workbook: a county's template has a few thousand cells. Bounds the memory of a small crafted file,
/// such as one long shared string put in every cell.
pub const MAX_CELLS: usize = 1_000_000;
pub const MAX_TEXT_BYTES: usize = 32 * 1024 * 1024;
/// Largest workbook file read (compressed): a county template is tens of KB.
pub const MAX_WORKBOOK_BYTES: usize = 32 * 1024 * 1024;

/// Why a workbook cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XlsxError {
    Zip(zip::ZipError),
    /// A part every workbook has is missing.
    Missing(&'static str),
    /// An OpenDocument spreadsheet (.ods, LibreOffice or WPS): a zip, but not an Excel workbook.
    OpenDocument,
    /// A cell lies beyond [`MAX_ROWS`] rows or [`MAX_COLUMNS`] columns (a county's template is far
    /// smaller): refused rather than cut.
    TooBig {
        sheet: String,
        row: usize,
        column: usize,
    },
    /// The workbook's cells or their text pass [`MAX_CELLS`] or [`MAX_TEXT_BYTES`] (at `sheet`).
    TooManyCells {
        sheet: String,
    },
    /// The workbook lists one sheet's part twice (a crafted file: Excel and WPS never do).
    Repeated {
        sheet: String,
    },
}

impl XlsxError {
    /// What is wrong and what to do, in Chinese and English (no internal names).
    pub fn messages(&self) -> (String, String) {
        match self {
            XlsxError::Zip(zip::ZipError::NotZip | zip::ZipError::Truncated) => (
                "文件不完整或不是 .xlsx 工作簿:请在 Excel/WPS 中重新保存为 .xlsx".into(),
                "the file is incomplete or not an .xlsx workbook: save it again as .xlsx in Excel or WPS".into(),
            ),
            XlsxError::Zip(zip::ZipError::Unsupported(what)) => (
                format!("工作簿使用了本工具不支持的格式({what}):请在 Excel/WPS 中另存为普通 .xlsx(不加密)"),
                format!("the workbook uses a format this tool does not read ({what}): save it as a plain .xlsx (not encrypted) in Excel or WPS"),
            ),
            XlsxError::Zip(zip::ZipError::TooLarge) => (
                format!("工作簿解压后超过 {} MB 或部件过多,远大于县情模板:请只保留模板的三张表", zip::MAX_TOTAL_BYTES / 1024 / 1024),
                format!("the workbook unpacks to more than {} MB or has too many parts, far more than the county template: keep only the template's three sheets", zip::MAX_TOTAL_BYTES / 1024 / 1024),
            ),
            XlsxError::Zip(zip::ZipError::Overlapping) => (
                "工作簿的部件相互重叠,不是 Excel/WPS 保存的文件(可能是恶意构造的):请在 Excel/WPS 中打开并重新保存".into(),
                "the workbook's parts overlap, which Excel and WPS never write (it may be crafted): open it in Excel or WPS and save it again".into(),
            ),
            XlsxError::Zip(zip::ZipError::Corrupt) => (
                "工作簿已损坏(压缩数据校验失败):请在 Excel/WPS 中重新保存".into(),
                "the workbook is damaged (its compressed data does not check): save it again in Excel or WPS".into(),
            ),
            XlsxError::OpenDocument => (
                "这是 OpenDocument 表格(.ods,LibreOffice 或 WPS 保存):请在其中“另存为” Excel 工作簿(.xlsx)".into(),
                "this is an OpenDocument spreadsheet (.ods, from LibreOffice or WPS): use Save As and choose Excel workbook (.xlsx)".into(),
            ),
            XlsxError::Missing(part) => (
                format!("这不是 Excel 工作簿(缺少 {part});如果是 WPS 或 LibreOffice 的其他格式,请另存为 .xlsx"),
                format!("this is not an Excel workbook ({part} is missing); if it is another WPS or LibreOffice format, save it as .xlsx"),
            ),
            XlsxError::TooBig { sheet, row, column } => (
                format!("工作表「{sheet}」在第 {row} 行第 {column} 列还有内容,超出上限({MAX_ROWS} 行、{MAX_COLUMNS} 列):请删去模板以外的内容"),
                format!("sheet {sheet} has content at row {row}, column {column}, beyond the limit ({MAX_ROWS} rows, {MAX_COLUMNS} columns): delete what is not part of the template"),
            ),
            XlsxError::TooManyCells { sheet } => (
                format!("读到工作表「{sheet}」时,单元格超过 {MAX_CELLS} 个或文字超过 {} MB,远大于县情模板:请只保留模板的三张表", MAX_TEXT_BYTES / 1024 / 1024),
                format!("at sheet {sheet} the workbook has more than {MAX_CELLS} cells or {} MB of text, far more than the county template: keep only the template's three sheets", MAX_TEXT_BYTES / 1024 / 1024),
            ),
            XlsxError::Repeated { sheet } => (
                format!("工作簿把同一张表列了两次(「{sheet}」),不是 Excel/WPS 保存的文件:请在 Excel/WPS 中打开并重新保存"),
                format!("the workbook lists the same sheet twice ({sheet}), which Excel and WPS never write: open it in Excel or WPS and save it again"),
            ),
        }
    }
}

/// (row, column), 1-based, of an address like `B12`.
pub fn parse_address(address: &str) -> Option<(usize, usize)> {
    let letters: String = address
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let digits = &address[letters.len()..];
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let column = letters.chars().fold(0usize, |n, c| {
        n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)
    });
    Some((digits.parse().ok()?, column))
}

/// The letters of column `column` (1-based): 1 -> A, 27 -> AA.
pub fn column_letters(column: usize) -> String {
    let mut n = column;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push((b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Whether number format `id` (with custom codes in `custom`) shows a date or time.
fn is_date_format(id: u32, custom: &HashMap<u32, String>) -> bool {
    if let Some(code) = custom.get(&id) {
        // Literal text does not make a date: "quoted" (Excel and LibreOffice), a character after a
        // backslash (`#,##0\日`), after `_` (a space its width) or after `*` (a fill), and [colours,
        // conditions]. A date or time format has a year, day, hour or second code outside them (日 alone
        // is a unit, not a date).
        let mut quoted = false;
        let mut bracket = false;
        let mut chars = code.chars();
        while let Some(ch) = chars.next() {
            match ch {
                '"' => quoted = !quoted,
                _ if quoted => {}
                '\\' | '_' | '*' => {
                    chars.next();
                }
                '[' => bracket = true,
                ']' => bracket = false,
                'y' | 'Y' | 'd' | 'D' | 'h' | 'H' | 's' | 'S' if !bracket => return true,
                _ => {}
            }
        }
        return false;
    }
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// What a workbook's cells may still take: see [`MAX_CELLS`] and [`MAX_TEXT_BYTES`].
struct Budget {
    cells: usize,
    text_bytes: usize,
}

impl Budget {
    /// Takes `cells` cells and `text_bytes` bytes of text, or says the workbook is too big.
    fn take(&mut self, cells: usize, text_bytes: usize) -> bool {
        match (
            self.cells.checked_sub(cells),
            self.text_bytes.checked_sub(text_bytes),
        ) {
            (Some(cells), Some(text_bytes)) => {
                *self = Budget { cells, text_bytes };
                true
            }
            _ => false,
        }
    }
}

/// Why a sheet's cells cannot be read.
enum SheetError {
    /// Content at (row, column), beyond the limits.
    Beyond(usize, usize),
    /// The workbook's budget of cells or text ran out.
    Budget,
}

/// Every sheet of the workbook, in workbook order.
pub fn read(bytes: &[u8]) -> Result<Vec<Table>, XlsxError> {
    let archive = zip::Archive::open(bytes).map_err(XlsxError::Zip)?;
    let part = |name: &str| -> Result<Option<String>, XlsxError> {
        Ok(archive
            .part(name)
            .map_err(XlsxError::Zip)?
            .map(|b| text_of(&b)))
    };
    if part("mimetype")?.is_some_and(|kind| kind.contains("opendocument")) {
        return Err(XlsxError::OpenDocument);
    }
    let workbook = part("xl/workbook.xml")?.ok_or(XlsxError::Missing("xl/workbook.xml"))?;
    let relations = part("xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let mut targets = HashMap::new();
    for event in xml::events(&relations) {
        if let Event::Open {
            name, attributes, ..
        } = event
        {
            if name == "Relationship" {
                if let (Some(id), Some(target)) = (
                    attribute(&attributes, "Id"),
                    attribute(&attributes, "Target"),
                ) {
                    let target = target.trim_start_matches('/');
                    let path = if target.starts_with("xl/") {
                        target.to_string()
                    } else {
                        format!("xl/{target}")
                    };
                    targets.insert(id.to_string(), path);
                }
            }
        }
    }
    let shared: Vec<String> = part("xl/sharedStrings.xml")?
        .map(|text| shared_strings(&text))
        .unwrap_or_default();
    // Each shared string costs memory even when empty: no more of them than cells a workbook may have.
    if shared.len() > MAX_CELLS {
        return Err(XlsxError::TooManyCells {
            sheet: "sharedStrings".into(),
        });
    }
    let date_styles = part("xl/styles.xml")?
        .map(|text| date_styles(&text))
        .unwrap_or_default();
    let mut budget = Budget {
        cells: MAX_CELLS,
        text_bytes: MAX_TEXT_BYTES,
    };
    let mut read_paths = std::collections::HashSet::new();
    let mut tables = Vec::new();
    for event in xml::events(&workbook) {
        let Event::Open {
            name, attributes, ..
        } = event
        else {
            continue;
        };
        if name != "sheet" {
            continue;
        }
        let sheet_name = attribute(&attributes, "name").unwrap_or("").to_string();
        let Some(path) = attribute(&attributes, "id").and_then(|id| targets.get(id)) else {
            continue;
        };
        if !read_paths.insert(path.clone()) {
            return Err(XlsxError::Repeated { sheet: sheet_name });
        }
        let Some(sheet) = part(path)? else { continue };
        let rows =
            sheet_rows(&sheet, &shared, &date_styles, &mut budget).map_err(
                |error| match error {
                    SheetError::Beyond(row, column) => XlsxError::TooBig {
                        sheet: sheet_name.clone(),
                        row,
                        column,
                    },
                    SheetError::Budget => XlsxError::TooManyCells {
                        sheet: sheet_name.clone(),
                    },
                },
            )?;
        tables.push(Table {
            name: sheet_name,
            rows,
        });
    }
    Ok(tables)
}

fn shared_strings(text: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut current: Option<String> = None;
    let mut in_text = false;
    let mut in_phonetic = false;
    for event in xml::events(text) {
        match event {
            _ if strings.len() > MAX_CELLS => break,
            Event::Open { name, empty, .. } => match name.as_str() {
                "si" if !empty => current = Some(String::new()),
                "si" => strings.push(String::new()),
                "t" => in_text = !empty,
                "rPh" => in_phonetic = !empty,
                _ => {}
            },
            Event::Close { name } => match name.as_str() {
                "si" => strings.push(current.take().unwrap_or_default()),
                "t" => in_text = false,
                "rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Text(text) if in_text && !in_phonetic => {
                if let Some(s) = current.as_mut() {
                    s.push_str(&text);
                }
            }
            Event::Text(_) => {}
        }
    }
    strings
}

/// For each cell style index (`s=`), whether it shows a date.
fn date_styles(text: &str) -> Vec<bool> {
    let mut custom = HashMap::new();
    let mut styles = Vec::new();
    let mut in_cell_xfs = false;
    for event in xml::events(text) {
        match event {
            Event::Open {
                name,
                attributes,
                empty,
            } => match name.as_str() {
                "numFmt" => {
                    if let (Some(id), Some(code)) = (
                        attribute(&attributes, "numFmtId"),
                        attribute(&attributes, "formatCode"),
                    ) {
                        if let Ok(id) = id.parse::<u32>() {
                            custom.insert(id, code.to_string());
                        }
                    }
                }
                "cellXfs" => in_cell_xfs = !empty,
                "xf" if in_cell_xfs => {
                    let id = attribute(&attributes, "numFmtId")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    styles.push(id);
                }
                _ => {}
            },
            Event::Close { name } if name == "cellXfs" => in_cell_xfs = false,
            _ => {}
        }
    }
    styles
        .into_iter()
        .map(|id| is_date_format(id, &custom))
        .collect()
}

/// The sheet's cells by row, or the (row, column) of a cell with content beyond the limits.
fn sheet_rows(
    text: &str,
    shared: &[String],
    date_styles: &[bool],
    budget: &mut Budget,
) -> Result<Vec<Vec<Cell>>, SheetError> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut current: Option<(usize, usize, String, bool)> = None; // row, column, type, is date
    let mut value = String::new();
    let mut inline = String::new();
    let mut formula = false;
    let mut in_value = false;
    let mut in_inline_text = false;
    let mut next_row = 1usize;
    let mut next_column = 1usize;
    for event in xml::events(text) {
        match event {
            Event::Open {
                name,
                attributes,
                empty,
            } => match name.as_str() {
                "row" => {
                    next_row = attribute(&attributes, "r")
                        .and_then(|r| r.parse().ok())
                        .unwrap_or(next_row);
                    next_column = 1;
                }
                "c" => {
                    let (row, column) = attribute(&attributes, "r")
                        .and_then(parse_address)
                        .unwrap_or((next_row, next_column));
                    next_column = column + 1;
                    let kind = attribute(&attributes, "t").unwrap_or("n").to_string();
                    let date = attribute(&attributes, "s")
                        .and_then(|s| s.parse::<usize>().ok())
                        .and_then(|s| date_styles.get(s))
                        .copied()
                        .unwrap_or(false);
                    value.clear();
                    inline.clear();
                    formula = false;
                    if empty {
                        continue;
                    }
                    current = Some((row, column, kind, date));
                }
                "v" => in_value = !empty,
                "f" => formula = true,
                "t" if current.is_some() => in_inline_text = !empty,
                _ => {}
            },
            Event::Close { name } => match name.as_str() {
                "v" => in_value = false,
                "t" => in_inline_text = false,
                "c" => {
                    let Some((row, column, kind, date)) = current.take() else {
                        continue;
                    };
                    if row == 0 || column == 0 {
                        continue;
                    }
                    let has_content =
                        formula || !value.trim().is_empty() || !inline.trim().is_empty();
                    if (row > MAX_ROWS || column > MAX_COLUMNS) && has_content {
                        return Err(SheetError::Beyond(row, column));
                    }
                    if row > MAX_ROWS || column > MAX_COLUMNS {
                        continue;
                    }
                    let plain = match kind.as_str() {
                        "s" => value
                            .trim()
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| shared.get(i))
                            .map(|s| Cell::Text(s.clone()))
                            .unwrap_or(Cell::Empty),
                        "inlineStr" | "str" => Cell::Text(inline.clone() + &value),
                        "b" => Cell::Text(if value.trim() == "1" {
                            "TRUE".into()
                        } else {
                            "FALSE".into()
                        }),
                        "e" => Cell::Error(value.clone()),
                        _ if value.trim().is_empty() => Cell::Empty,
                        _ if date => Cell::Date,
                        _ => Cell::Number(value.trim().to_string()),
                    };
                    // A formula's value as Excel or WPS last computed it is read as the value (and
                    // named in the import's notes); a formula with no computed value stays a formula.
                    let cell = match (formula, plain) {
                        (true, Cell::Empty) => Cell::Formula,
                        (true, plain) => Cell::Computed(Box::new(plain)),
                        (false, plain) => plain,
                    };
                    let text_bytes = match cell.value() {
                        Cell::Text(t) | Cell::Number(t) | Cell::Error(t) => t.len(),
                        _ => 0,
                    };
                    let new_rows = row.saturating_sub(rows.len());
                    let new_cells = column.saturating_sub(rows.get(row - 1).map_or(0, Vec::len));
                    if !budget.take(new_rows + new_cells, text_bytes) {
                        return Err(SheetError::Budget);
                    }
                    if rows.len() < row {
                        rows.resize_with(row, Vec::new);
                    }
                    let cells = &mut rows[row - 1];
                    if cells.len() < column {
                        cells.resize(column, Cell::Empty);
                    }
                    cells[column - 1] = cell;
                }
                _ => {}
            },
            Event::Text(text) => {
                if in_value {
                    value.push_str(&text);
                } else if in_inline_text {
                    inline.push_str(&text);
                }
            }
        }
    }
    Ok(rows)
}

/// A workbook of `tables`: the first row of each in bold, numbers as numbers, text as inline strings.
pub fn write(tables: &[Table]) -> Vec<u8> {
    let mut sheets_xml = String::new();
    let mut relations = String::new();
    let mut content_types = String::new();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for (index, table) in tables.iter().enumerate() {
        let number = index + 1;
        sheets_xml.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{number}\" r:id=\"rId{number}\"/>",
            xml::escape(&table.name)
        ));
        relations.push_str(&format!(
            "<Relationship Id=\"rId{number}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{number}.xml\"/>"
        ));
        content_types.push_str(&format!(
            "<Override PartName=\"/xl/worksheets/sheet{number}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        ));
        let columns = table.rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let mut sheet = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><cols>");
        sheet.push_str(&format!(
            "<col min=\"1\" max=\"{columns}\" width=\"20\" customWidth=\"1\"/></cols><sheetData>"
        ));
        for (r, row) in table.rows.iter().enumerate() {
            sheet.push_str(&format!("<row r=\"{}\">", r + 1));
            for (c, cell) in row.iter().enumerate() {
                let address = format!("{}{}", column_letters(c + 1), r + 1);
                let style = if r == 0 { " s=\"1\"" } else { "" };
                match cell {
                    Cell::Number(text) => sheet.push_str(&format!("<c r=\"{address}\"{style}><v>{}</v></c>", xml::escape(text))),
                    Cell::Text(text) => sheet.push_str(&format!("<c r=\"{address}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>", xml::escape(text))),
                    _ => {}
                }
            }
            sheet.push_str("</row>");
        }
        sheet.push_str("</sheetData></worksheet>");
        parts.push((
            format!("xl/worksheets/sheet{number}.xml"),
            sheet.into_bytes(),
        ));
    }
    let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            format!("{head}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>{content_types}</Types>").into_bytes(),
        ),
        (
            "_rels/.rels".into(),
            format!("{head}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").into_bytes(),
        ),
        (
            "xl/workbook.xml".into(),
            format!("{head}<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>{sheets_xml}</sheets></workbook>").into_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels".into(),
            format!("{head}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{relations}<Relationship Id=\"rId{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>", tables.len() + 1).into_bytes(),
        ),
        (
            "xl/styles.xml".into(),
            format!("{head}<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>").into_bytes(),
        ),
    ];
    entries.extend(parts);
    zip::write(&entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(parse_address("B12"), Some((12, 2)));
        assert_eq!(parse_address("AA3"), Some((3, 27)));
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(1), "A");
    }

    #[test]
    fn writes_a_workbook_it_reads_back() {
        let table = Table {
            name: "机构".into(),
            rows: vec![
                vec![Cell::Text("名称".into()), Cell::Text("床位(张)".into())],
                vec![Cell::Text("县医院 <&>".into()), Cell::Number("900".into())],
            ],
        };
        let bytes = write(std::slice::from_ref(&table));
        assert_eq!(read(&bytes).unwrap(), vec![table]);
    }

    #[test]
    fn knows_dates_by_their_format() {
        let custom = HashMap::from([
            (164, "yyyy\"年\"m\"月\"d\"日\"".to_string()),
            (165, "0.00\"元\"".to_string()),
            (166, "#,##0\\日".to_string()),
            (167, "#,##0\" 人/日\"".to_string()),
            (168, "0_);[Red]\\(0\\)".to_string()),
            (169, "yyyy年m月d日".to_string()),
            (170, "[h]:mm:ss".to_string()),
        ]);
        assert!(is_date_format(14, &custom));
        assert!(is_date_format(164, &custom));
        assert!(!is_date_format(165, &custom));
        // Escaped and quoted literals are text, not date codes (these were misread as dates).
        assert!(!is_date_format(166, &custom));
        assert!(!is_date_format(167, &custom));
        assert!(!is_date_format(168, &custom));
        assert!(is_date_format(169, &custom));
        assert!(is_date_format(170, &custom));
        assert!(!is_date_format(0, &custom));
    }

    /// A workbook of raw parts: `sheets` lists (name, relation id) in xl/workbook.xml; every relation
    /// id points at xl/worksheets/sheet1.xml, whose XML is `sheet`.
    fn raw_workbook(sheets: &[(&str, &str)], sheet: &str, shared: &[&str]) -> Vec<u8> {
        let listed: String = sheets
            .iter()
            .map(|(name, id)| format!("<sheet name=\"{name}\" r:id=\"{id}\"/>"))
            .collect();
        let relations: String = ["rId1", "rId2"]
            .iter()
            .map(|id| format!("<Relationship Id=\"{id}\" Target=\"worksheets/sheet1.xml\"/>"))
            .collect();
        let strings: String = shared
            .iter()
            .map(|t| format!("<si><t>{t}</t></si>"))
            .collect();
        zip::write(&[
            (
                "xl/workbook.xml",
                format!("<workbook><sheets>{listed}</sheets></workbook>").into_bytes(),
            ),
            (
                "xl/_rels/workbook.xml.rels",
                format!("<Relationships>{relations}</Relationships>").into_bytes(),
            ),
            (
                "xl/sharedStrings.xml",
                format!("<sst>{strings}</sst>").into_bytes(),
            ),
            (
                "xl/worksheets/sheet1.xml",
                format!("<worksheet><sheetData>{sheet}</sheetData></worksheet>").into_bytes(),
            ),
        ])
    }

    #[test]
    fn a_sheet_listed_twice_is_refused() {
        let sheet = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>";
        assert_eq!(
            read(&raw_workbook(&[("县", "rId1")], sheet, &[]))
                .unwrap()
                .len(),
            1
        );
        // Two names whose relations lead to one part: each listing would be read again.
        assert_eq!(
            read(&raw_workbook(
                &[("县", "rId1"), ("机构", "rId2")],
                sheet,
                &[]
            )),
            Err(XlsxError::Repeated {
                sheet: "机构".into()
            })
        );
    }

    #[test]
    fn one_long_shared_string_in_many_cells_is_refused_not_copied() {
        // 100 KB of text put in 400 cells would be 40 MB of cells from a file of a few KB (and a 1 MB
        // string in 20,000 cells, 20 GB).
        let long = "长".repeat(100 * 1024 / 3);
        let sheet: String = (1..=400)
            .map(|r| format!("<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>0</v></c></row>"))
            .collect();
        let bytes = raw_workbook(&[("县", "rId1")], &sheet, &[&long]);
        assert!(bytes.len() < 20_000, "{} bytes", bytes.len());
        assert_eq!(
            read(&bytes),
            Err(XlsxError::TooManyCells {
                sheet: "县".into()
            })
        );
        // The same string in a few cells is read.
        let sheet: String = (1..=3)
            .map(|r| format!("<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>0</v></c></row>"))
            .collect();
        assert_eq!(
            read(&raw_workbook(&[("县", "rId1")], &sheet, &[&long])).unwrap()[0]
                .rows
                .len(),
            3
        );
    }

    #[test]
    fn a_formula_is_read_as_its_computed_value() {
        let sheet = "<row r=\"1\"><c r=\"A1\"><f>SUM(B1:C1)</f><v>900</v></c>\
            <c r=\"B1\" t=\"str\"><f>\"县\"&amp;\"医院\"</f><v>县医院</v></c>\
            <c r=\"C1\"><f>1/0</f></c></row>";
        let table = read(&raw_workbook(&[("县", "rId1")], sheet, &[]))
            .unwrap()
            .remove(0);
        assert_eq!(
            table.rows[0],
            vec![
                Cell::Computed(Box::new(Cell::Number("900".into()))),
                Cell::Computed(Box::new(Cell::Text("县医院".into()))),
                Cell::Formula,
            ]
        );
        assert_eq!(table.rows[0][0].value(), &Cell::Number("900".into()));
    }
}
