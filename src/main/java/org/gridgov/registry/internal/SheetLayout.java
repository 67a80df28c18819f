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

    /**
     * Whether a row is a template's example as shipped: templates of earlier releases carried it on the data sheet,
     * and a file filled in from one may still hold it. Compared on the required and text columns (the name, ID
     * number, grid, phones), which a person filling in real rows always changes.
     */
    boolean isExample(Row row, List<String> example) {
        for (int k = 0; k < columns.size(); k++) {
            var column = columns.get(k);
            String value = example.get(k);
            if ((column.required() || column.text()) && !value.isEmpty() && !value.equals(get(row, column))) {
                return false;
            }
        }
        return true;
    }

    boolean blank(Row row) {
        return columns.stream().allMatch(k -> get(row, k) == null);
    }

    /**
     * A number that must arrive as typed (an ID number, a credit code): a number cell keeps at most 15 significant
     * digits, so Excel has already rounded an 18-digit one ({@code 421381197010095847} became {@code
     * 421381197010095900}), and the rounded number may still pass the check. Such a cell is refused, never read.
     *
     * @return the cell's text, or null with a problem naming {@code field} when the cell is a number
     */
    String typedAsText(Row row, SheetColumn column, String field, String label, List<FieldProblem> problems) {
        var cell = cell(row, column);
        if (isNumber(cell)) {
            problems.add(numberCell(field, label));
            return null;
        }
        return text(cell);
    }

    /**
     * A code or number read digit by digit (a grid code, a phone) that a number cell may have changed: more than 15
     * digits lose their tail, and a landline loses its leading 0. Shorter numbers survive a number cell and are read.
     *
     * @return the cell's text, or null with a problem naming {@code field} when the number cannot be what was typed
     */
    String digits(Row row, SheetColumn column, String field, String label, boolean phone, List<FieldProblem> problems) {
        var cell = cell(row, column);
        String text = text(cell);
        if (isNumber(cell) && text != null && (text.length() > 15 || phone && !text.startsWith("1"))) {
            problems.add(numberCell(field, label));
            return null;
        }
        return text;
    }

    private static boolean isNumber(Cell cell) {
        return cell != null && cell.getType() == CellType.NUMBER;
    }

    private static FieldProblem numberCell(String field, String label) {
        return new FieldProblem(
                field,
                "number-cell",
                label + "单元格是数字格式，Excel 只保留 15 位有效数字并去掉开头的 0，内容可能已被改动；请把该列设为“文本”格式后重新填写",
                field + " is a number cell, in which Excel keeps only 15 significant digits and drops a leading 0;"
                        + " format the column as text and type the values again");
    }

    /**
     * A cell as text. Numbers lose their exponent and trailing zeros: a phone or grid code typed into a number cell
     * reads as its digits; what a number cell may have changed is refused by {@link #typedAsText} and {@link
     * #digits}.
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
