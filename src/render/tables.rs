//! Data tables and layout tables.
//!
//! A data table holds rows and columns of facts and is rendered as a table; a layout table
//! only positions the page's parts and is unwrapped, its cells rendered as the paragraphs they
//! hold. The rules are Readability's (`_markDataTables` in Mozilla's Readability.js), with one
//! change: a table holding another table is always layout, since a Markdown table cannot nest.
//!
//! Each data table gets its grid: every cell in each row and column it covers, so a cell that
//! spans two columns appears in both (GFM has no spans). The grid is built once, here, in
//! bounded space: a table whose grid would be larger than [`MAX_GRID_SLOTS`] is unwrapped.

use std::collections::HashMap;

use crate::dom::{NodeId, Tag, Tree};

use super::inline::{self, Dialect, Inline, Mode};
use super::{plan, Context};

/// Browsers cap `colspan` at 1000 (HTML's "rules for parsing non-negative integers" in the
/// table model).
const MAX_COLSPAN: usize = 1000;

/// Grid slots per table at most: a 10,000-row table of 25 columns. A larger grid is a
/// pathological page (or a spreadsheet export nobody reads as Markdown), and is unwrapped.
const MAX_GRID_SLOTS: usize = 250_000;

/// A table with at least this many rows is data, after Readability.
const DATA_MIN_ROWS: usize = 10;

/// A table with more than this many columns is data, after Readability.
const DATA_MIN_COLUMNS: usize = 4;

/// A table with more than this many cells is data, after Readability.
const DATA_MIN_CELLS: usize = 10;

/// The cells of a data table, row by row.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    /// `rows[r][c]` is the cell covering row `r`, column `c`; rows may be shorter than
    /// [`Grid::width`] when their last columns are not covered.
    pub(crate) rows: Vec<Vec<Option<NodeId>>>,
    pub(crate) width: usize,
    /// The first `<caption>`.
    pub(crate) caption: Option<NodeId>,
    /// Every cell, in document order.
    pub(crate) cells: Vec<NodeId>,
}

impl Grid {
    /// The cell that contains node `id`, if any: cells never nest in a data table, so this is a
    /// binary search among disjoint ranges.
    pub(crate) fn cell_of(&self, tree: &Tree, id: NodeId) -> Option<NodeId> {
        let after = self.cells.partition_point(|&cell| cell <= id);
        let cell = *self.cells.get(after.checked_sub(1)?)?;
        (id < tree.end(cell)).then_some(cell)
    }
}

/// The data tables of a page, with their grids. Every other table is a layout table.
#[derive(Debug, Default)]
pub(crate) struct Tables {
    grids: HashMap<NodeId, Grid>,
    /// The data tables in document order. They never nest (a table around another is layout),
    /// so their ranges are disjoint.
    order: Vec<NodeId>,
}

impl Tables {
    /// Classify every table of `tree`, in one pass.
    pub(crate) fn find(tree: &Tree) -> Tables {
        let mut grids = HashMap::new();
        let mut open: Vec<Scan> = Vec::new();
        for id in tree.ids() {
            close_ended(tree, id, &mut open, &mut grids);
            let Some(tag) = tree.tag(id) else { continue };
            if tag == Tag::Table {
                if let Some(outer) = open.last_mut() {
                    outer.nested = true;
                }
                open.push(Scan::new(id));
            } else if let Some(scan) = open.last_mut() {
                scan.add(tree, id, tag);
            }
        }
        close_ended(tree, NodeId::past_end(tree), &mut open, &mut grids);
        let mut order: Vec<NodeId> = grids.keys().copied().collect();
        order.sort_unstable();
        Tables { grids, order }
    }

    /// The data table that contains node `id`, if any.
    pub(crate) fn table_of(&self, tree: &Tree, id: NodeId) -> Option<NodeId> {
        let after = self.order.partition_point(|&table| table <= id);
        let table = *self.order.get(after.checked_sub(1)?)?;
        (id < tree.end(table)).then_some(table)
    }

    /// The grid of `table`, when it is a data table.
    pub(crate) fn grid(&self, table: NodeId) -> Option<&Grid> {
        self.grids.get(&table)
    }

    pub(crate) fn is_data(&self, table: NodeId) -> bool {
        self.grids.contains_key(&table)
    }
}

/// Finish the tables whose subtree ends before `id`, keeping the grids of data tables.
fn close_ended(tree: &Tree, id: NodeId, open: &mut Vec<Scan>, grids: &mut HashMap<NodeId, Grid>) {
    while let Some(scan) = open.last() {
        if tree.end(scan.table) > id {
            break;
        }
        if let Some(scan) = open.pop() {
            if scan.is_data(tree) {
                if let Some(grid) = build_grid(tree, scan.table, scan.rows) {
                    grids.insert(scan.table, grid);
                }
            }
        }
    }
}

/// What one pass learns about a table, for Readability's rules.
#[derive(Debug)]
struct Scan {
    table: NodeId,
    rows: usize,
    columns: usize,
    row_columns: usize,
    /// A `<th>`, `<thead>`, `<tfoot>`, `<col>`, `<colgroup>` or non-empty `<caption>`.
    has_data_parts: bool,
    nested: bool,
}

impl Scan {
    fn new(table: NodeId) -> Scan {
        Scan {
            table,
            rows: 0,
            columns: 0,
            row_columns: 0,
            has_data_parts: false,
            nested: false,
        }
    }

    fn add(&mut self, tree: &Tree, id: NodeId, tag: Tag) {
        match tag {
            Tag::Tr => {
                self.rows += 1;
                self.row_columns = 0;
            }
            Tag::Td | Tag::Th => {
                self.row_columns = self.row_columns.saturating_add(colspan(tree, id));
                self.columns = self.columns.max(self.row_columns);
                self.has_data_parts |= tag == Tag::Th;
            }
            Tag::Thead | Tag::Tfoot | Tag::Col | Tag::Colgroup => self.has_data_parts = true,
            Tag::Caption => self.has_data_parts |= tree.end(id) > id.next(),
            _ => {}
        }
    }

    fn is_data(&self, tree: &Tree) -> bool {
        let attr_is = |name, value: &str| {
            tree.attr(self.table, name)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(value))
        };
        if attr_is("role", "presentation") || attr_is("datatable", "0") || self.nested {
            return false;
        }
        if tree
            .attr(self.table, "summary")
            .is_some_and(|s| !s.is_empty())
            || self.has_data_parts
        {
            return true;
        }
        // One row or one column is a layout box around content.
        if self.rows <= 1 || self.columns <= 1 {
            return false;
        }
        self.rows >= DATA_MIN_ROWS
            || self.columns > DATA_MIN_COLUMNS
            || self.rows.saturating_mul(self.columns) > DATA_MIN_CELLS
    }
}

fn colspan(tree: &Tree, cell: NodeId) -> usize {
    span(tree, cell, "colspan").clamp(1, MAX_COLSPAN)
}

/// A `colspan` or `rowspan` value; 1 when absent or unreadable. `rowspan="0"` (to the end of the
/// table) is 0.
fn span(tree: &Tree, cell: NodeId, name: &str) -> usize {
    tree.attr(cell, name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
}

/// The grid of a table without nested tables, or `None` when it would take more than
/// [`MAX_GRID_SLOTS`] slots.
fn build_grid(tree: &Tree, table: NodeId, row_count: usize) -> Option<Grid> {
    let mut grid = Grid::default();
    let mut slots = 0usize;
    let mut row: Option<(NodeId, usize)> = None;
    let mut column = 0usize;
    let mut id = table.next();
    while id < tree.end(table) {
        match tree.tag(id) {
            Some(Tag::Tr) => {
                let index = row.map_or(0, |(_, r)| r + 1);
                row = Some((id, index));
                column = 0;
            }
            Some(Tag::Caption) if grid.caption.is_none() => grid.caption = Some(id),
            Some(Tag::Td | Tag::Th) => {
                if let Some((_, r)) = row.filter(|&(tr, _)| tree.parent(id) == Some(tr)) {
                    column = place(&mut grid, &mut slots, tree, id, r, column, row_count)?;
                    grid.cells.push(id);
                }
            }
            _ => {}
        }
        id = id.next();
    }
    Some(grid)
}

/// Put `cell` at the first free column from `column` in row `row`, over all the slots it spans;
/// returns the column after it.
fn place(
    grid: &mut Grid,
    slots: &mut usize,
    tree: &Tree,
    cell: NodeId,
    row: usize,
    column: usize,
    row_count: usize,
) -> Option<usize> {
    let mut column = column;
    while grid
        .rows
        .get(row)
        .and_then(|r| r.get(column))
        .is_some_and(Option::is_some)
    {
        column += 1;
    }
    let colspan = colspan(tree, cell);
    let remaining = row_count.saturating_sub(row).max(1);
    let rowspan = match span(tree, cell, "rowspan") {
        0 => remaining,
        n => n.min(remaining),
    };
    for r in row..row + rowspan {
        if grid.rows.len() <= r {
            grid.rows.resize_with(r + 1, Vec::new);
        }
        let cells = grid.rows.get_mut(r)?;
        let needed = column + colspan;
        if cells.len() < needed {
            *slots += needed - cells.len();
            if *slots > MAX_GRID_SLOTS {
                return None;
            }
            cells.resize(needed, None);
        }
        for slot in cells.iter_mut().skip(column).take(colspan) {
            *slot = Some(cell);
        }
        grid.width = grid.width.max(needed);
    }
    Some(column + colspan)
}

/// A data table as rendered: caption and rows of cell texts, spans expanded.
#[derive(Debug)]
pub(crate) struct Contents {
    pub(crate) caption: Option<String>,
    /// The rows that hold kept text, each [`Grid::width`] cells wide.
    pub(crate) rows: Vec<Vec<Cell>>,
}

#[derive(Debug)]
pub(crate) struct Cell {
    pub(crate) text: String,
    /// A `<th>`.
    pub(crate) header: bool,
}

/// The kept text of data table `table`, cell by cell. A cell holding several blocks joins
/// them on one line: a Markdown table row is one line.
pub(crate) fn contents(cx: &Context, table: NodeId, dialect: Dialect) -> Option<Contents> {
    let grid = cx.tables.grid(table)?;
    let tree = cx.tree;
    let range = plan::kept_inside(tree, &cx.blocks.list, cx.kept, table);
    let joiner = match dialect {
        Dialect::Markdown => " ",
        Dialect::Html => "<br>",
    };
    let mut texts: HashMap<NodeId, String> = HashMap::new();
    let mut caption = String::new();
    for block in cx.kept.get(range)?.iter().filter_map(|&i| cx.blocks.get(i)) {
        let cell = grid.cell_of(tree, block.first);
        let in_caption = cell.is_none()
            && grid
                .caption
                .is_some_and(|c| c < block.first && block.first < tree.end(c));
        if cell.is_none() && !in_caption {
            continue;
        }
        let mut out = Inline::new(dialect, if in_caption { Mode::Line } else { Mode::Cell });
        inline::block(cx, block, &mut out);
        let text = out.finish();
        let slot = match cell {
            Some(cell) => texts.entry(cell).or_default(),
            None => &mut caption,
        };
        if !text.is_empty() {
            if !slot.is_empty() {
                slot.push_str(joiner);
            }
            slot.push_str(&text);
        }
    }
    let rows = grid
        .rows
        .iter()
        .filter(|row| row.iter().flatten().any(|cell| texts.contains_key(cell)))
        .map(|row| {
            (0..grid.width)
                .map(|column| {
                    let cell = row.get(column).copied().flatten();
                    Cell {
                        text: cell
                            .and_then(|c| texts.get(&c))
                            .cloned()
                            .unwrap_or_default(),
                        header: cell.is_some_and(|c| tree.tag(c) == Some(Tag::Th)),
                    }
                })
                .collect()
        })
        .collect();
    Some(Contents {
        caption: (!caption.is_empty()).then_some(caption),
        rows: merge_header_rows(rows),
    })
}

/// Join the leading rows of header cells into one header row, since a GFM table has exactly
/// one: each column reads its headers top-down ("Price / Members"), a header spanning two
/// rows once.
fn merge_header_rows(mut rows: Vec<Vec<Cell>>) -> Vec<Vec<Cell>> {
    let is_header_row =
        |row: &Vec<Cell>| row.iter().all(|cell| cell.header || cell.text.is_empty());
    let count = rows
        .iter()
        .take(rows.len().saturating_sub(1))
        .take_while(|row| is_header_row(row))
        .count();
    if count < 2 {
        return rows;
    }
    let body = rows.split_off(count);
    let width = rows.first().map_or(0, Vec::len);
    let header = (0..width)
        .map(|column| {
            let mut parts: Vec<&str> = Vec::new();
            for text in rows
                .iter()
                .filter_map(|row| row.get(column))
                .map(|c| c.text.as_str())
            {
                if !text.is_empty() && parts.last() != Some(&text) {
                    parts.push(text);
                }
            }
            Cell {
                text: parts.join(" / "),
                header: true,
            }
        })
        .collect();
    std::iter::once(header).chain(body).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables_of(html: &str) -> (Tree, Tables) {
        let tree = Tree::parse(html);
        let tables = Tables::find(&tree);
        (tree, tables)
    }

    fn first_table(tree: &Tree) -> NodeId {
        tree.ids()
            .find(|&id| tree.tag(id) == Some(Tag::Table))
            .unwrap()
    }

    #[test]
    fn a_table_with_header_cells_is_data() {
        let (tree, tables) = tables_of("<table><tr><th>a</th><th>b</th></tr></table>");
        assert!(tables.is_data(first_table(&tree)));
    }

    #[test]
    fn small_tables_and_tables_around_tables_are_layout() {
        let (tree, tables) = tables_of("<table><tr><td>a</td><td>b</td></tr></table>");
        assert!(!tables.is_data(first_table(&tree)));
        let (tree, tables) = tables_of(
            "<table><tr><td><table><tr><th>a</th></tr></table></td></tr><tr><th>b</th></tr></table>",
        );
        assert!(!tables.is_data(first_table(&tree)));
        let (tree, tables) =
            tables_of("<table role=presentation><tr><th>a</th><th>b</th></tr></table>");
        assert!(!tables.is_data(first_table(&tree)));
    }

    #[test]
    fn spans_fill_every_slot_they_cover() {
        let (tree, tables) = tables_of(
            "<table><tr><th colspan=2>a</th><th rowspan=2>b</th></tr>\
             <tr><td>c</td><td>d</td></tr></table>",
        );
        let grid = tables.grid(first_table(&tree)).unwrap();
        let name = |slot: &Option<NodeId>| {
            let cell = slot.unwrap();
            tree.text(cell.next()).unwrap().to_string()
        };
        let rows: Vec<Vec<String>> = grid
            .rows
            .iter()
            .map(|r| r.iter().map(name).collect())
            .collect();
        assert_eq!(rows, [["a", "a", "b"], ["c", "d", "b"]]);
        assert_eq!(grid.width, 3);
    }

    #[test]
    fn a_huge_span_makes_the_table_layout() {
        let rows = "<tr><td colspan=1000>x</td></tr>".repeat(300);
        let (tree, tables) = tables_of(&format!("<table><thead></thead>{rows}</table>"));
        assert!(!tables.is_data(first_table(&tree)));
    }
}
