package org.gridgov.registry.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.common.FieldProblem;

/** Where each column of a registry worksheet is in an uploaded file, found by its header in any order. */
final class SheetLayout {

    private final List<? extends SheetColumn> columns;
    private final int[] index;

    private SheetLayout(List<? extends SheetColumn> columns, int[] index) {
        this.columns = columns;
        this.index = index;
    }

    /** The layout, or the problems: required columns missing, headers that are no column. */
    record Outcome(SheetLayout layout, List<FieldProblem> problems) {}

    static Outcome of(Row header, List<? extends SheetColumn> columns) {
        int[] index = new int[columns.size()];
        Arrays.fill(index, -1);
        var unknown = new ArrayList<String>();
        for (int c = 0; header != null && c < header.getCellCount(); c++) {
            String text = text(header.getCell(c));
            if (text == null) {
                continue;
            }
            int column = -1;
            for (int k = 0; k < columns.size(); k++) {
                if (columns.get(k).header().equals(text)) {
                    column = k;
                }
            }
            if (column >= 0) {
                index[column] = c;
            } else {
                unknown.add(text);
            }
        }
        var missing = new ArrayList<String>();
        for (int k = 0; k < columns.size(); k++) {
            if (columns.get(k).required() && index[k] < 0) {
                missing.add(columns.get(k).header());
            }
        }
        var problems = new ArrayList<FieldProblem>();
        if (!missing.isEmpty()) {
            problems.add(new FieldProblem(
                    "file",
                    "missing-columns",
                    "缺少必需的列：" + String.join("、", missing),
                    "missing required columns: " + String.join(", ", missing)));
        }
        if (!unknown.isEmpty()) {
            problems.add(new FieldProblem(
                    "file",
                    "unknown-columns",
                    "无法识别的列：" + String.join("、", unknown) + "（请使用导入模板）",
                    "unknown columns: " + String.join(", ", unknown) + " (use the import template)"));
        }
        return new Outcome(problems.isEmpty() ? new SheetLayout(columns, index) : null, problems);
    }

    String get(Row row, SheetColumn column) {
        return text(cell(row, column));
    }

    Cell cell(Row row, SheetColumn column) {
        int c = index[columns.indexOf(column)];
        return c < 0 || c >= row.getCellCount() ? null : row.getCell(c);
    }

    boolean blank(Row row) {
        return columns.stream().allMatch(k -> get(row, k) == null);
    }

    /**
     * A cell as text. Numbers lose their exponent and trailing zeros: a phone or grid code typed into a number cell
     * reads as its digits (an 18-digit ID number cannot survive a number cell, and the ID rules say so).
     */
    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        String raw = cell.getType() == CellType.NUMBER
                ? new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString()
                : cell.getText();
        return ResidentRules.trim(raw);
    }
}
