package org.gridgov.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a registry worksheet row by row under a bold header, flushing as it goes, so that an export of any length
 * streams to the caller in flat memory.
 */
final class SheetWriter {

    private static final int FLUSH_EVERY = 1000;

    static final String EXAMPLE_SHEET = "填写示例";

    private final Workbook workbook;
    private final Worksheet sheet;
    private int next = 1;

    private SheetWriter(Workbook workbook, Worksheet sheet) {
        this.workbook = workbook;
        this.sheet = sheet;
    }

    /** A workbook whose first sheet is {@code title} with the given columns' headers on its first row. */
    static SheetWriter open(OutputStream out, String title, List<? extends SheetColumn> columns) {
        var workbook = new Workbook(out, "GridGov", "1.0");
        var sheet = workbook.newWorksheet(title);
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).header());
            sheet.width(c, columns.get(c).width());
            if (columns.get(c).text()) {
                // What people type into the column stays text: Excel would round an ID number kept as a number.
                sheet.style(c).format("@").set();
            }
        }
        sheet.range(0, 0, 0, columns.size() - 1).style().bold().set();
        return new SheetWriter(workbook, sheet);
    }

    /**
     * Appends a row, a value per column in order; nulls and empty values leave the cell empty. Inline strings: a
     * shared-string table of a million distinct names would have to sit in memory until the end.
     */
    void row(List<String> values) {
        int row = next++;
        for (int c = 0; c < values.size(); c++) {
            String value = values.get(c);
            if (value != null && !value.isEmpty()) {
                sheet.inlineString(row, c, value);
            }
        }
        if (row % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Adds a sheet "填写示例" showing the columns filled in once. Imports read only the first sheet, so the example
     * is never taken for a person or a house, however the file is filled in.
     */
    void example(List<? extends SheetColumn> columns, List<String> values) {
        var sheet = workbook.newWorksheet(EXAMPLE_SHEET);
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).header());
            sheet.width(c, columns.get(c).width());
            if (!values.get(c).isEmpty()) {
                sheet.inlineString(1, c, values.get(c));
            }
        }
        sheet.range(0, 0, 0, columns.size() - 1).style().bold().set();
        sheet.value(3, 0, "本页仅为示例，不会导入；请在第一个工作表填写数据。 This sheet is an example only; fill in the first sheet.");
    }

    /** The workbook, for a further sheet such as a template's code list. */
    Workbook workbook() {
        return workbook;
    }

    void finish() throws IOException {
        workbook.finish();
    }
}
