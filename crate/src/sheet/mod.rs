//! Spreadsheets: the county template a planner fills in Excel or WPS (.xlsx or CSV) and imports.
//!
//! [`xlsx`] and [`csv`] turn files into [`Table`]s of [`Cell`]s and back; [`county`] maps the tables to
//! and from scenario text, naming every bad cell by sheet, row and column. Nothing here touches the
//! model: an import produces scenario text, which is validated like any file.

pub mod county;
pub mod csv;
pub mod xlsx;
mod xml;
mod zip;

/// One cell as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Empty,
    /// A number, as the file writes it.
    Number(String),
    Text(String),
    /// A formula whose file holds no computed value (a workbook written by a program that does not
    /// calculate).
    Formula,
    /// A formula's value as the file last computed it (Excel and WPS save it with the formula): read
    /// as the value, and named in the import's notes ([`county::formula_notes`]).
    Computed(Box<Cell>),
    /// A number shown as a date or time.
    Date,
    /// An error value such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    /// The value itself: a formula's computed value, or the cell.
    pub fn value(&self) -> &Cell {
        match self {
            Cell::Computed(value) => value,
            other => other,
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Computed(value) => value.is_empty(),
            _ => false,
        }
    }
}

/// A sheet (or a CSV file): its name and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}
