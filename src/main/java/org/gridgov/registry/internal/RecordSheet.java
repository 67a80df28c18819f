package org.gridgov.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.common.FieldProblem;

/**
 * A register (houses, places, organizations) as a worksheet: its Chinese headers, which the template, the import and
 * the export share; how a row reads into the form's draft; and how a masked view becomes an exported row. Coded
 * columns take the code or its name on import and show the name on export, so an export can be imported again.
 */
abstract class RecordSheet<D, V> {

    /**
     * One column: its header, whether an import needs it, how wide the template shows it, and whether the template
     * formats it as text (codes and phones).
     */
    record Column(String header, boolean required, int width, boolean text) implements SheetColumn {

        Column(String header, boolean required, int width) {
            this(header, required, width, false);
        }

        Column(String header, boolean required) {
            this(header, required, 14, false);
        }

        /** A code or phone column, text in the template and read digit for digit. */
        static Column digits(String header, boolean required, int width) {
            return new Column(header, required, width, true);
        }
    }

    /** A row read into a draft, with what could not even be read (a number that is no number). */
    record Read<D>(D draft, List<FieldProblem> problems) {}

    private final String title;
    private final List<Column> columns;
    private final List<String> codeSets;
    private final String hint;
    protected final CodeSets codes;

    RecordSheet(String title, List<Column> columns, List<String> codeSets, String hint, CodeSets codes) {
        this.title = title;
        this.columns = columns;
        this.codeSets = codeSets;
        this.hint = hint;
        this.codes = codes;
    }

    String title() {
        return title;
    }

    List<Column> columns() {
        return columns;
    }

    /** The code sets the template lists on its second sheet. */
    List<String> codeSets() {
        return codeSets;
    }

    /** How to fill the sheet in, shown next to the code list. */
    String hint() {
        return hint;
    }

    abstract List<String> example();

    /** A masked view as an exported row, a value per column. */
    abstract List<String> cells(V view);

    abstract Read<D> read(Row row, SheetLayout layout);

    /** What a rejection calls the row by: a name or an address as the file gave it. */
    abstract String label(Row row, SheetLayout layout);

    /** The row's unique number as the file gave it (see {@link RecordKind#keyTitle}); none by default. */
    String key(Row row, SheetLayout layout) {
        return null;
    }

    /** The code set value for a code or a name; an unknown value stays as given so the form's rules name it. */
    String code(String set, String text) {
        return text == null ? null : codes.codeOf(set, text).orElse(text);
    }

    String name(String set, String code) {
        return code == null ? null : codes.name(set, code).orElse(code);
    }

    /** A list typed as one cell, split on the separators people use. */
    static List<String> split(String text) {
        return text == null ? List.of() : List.of(SEPARATORS.split(text));
    }

    private static final Pattern SEPARATORS = Pattern.compile("[、,，;；]");

    static Double number(String text, String field, String label, List<FieldProblem> problems) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(
                    field, "number-format", label + "“" + text + "”须为数字", field + " must be a number"));
            return null;
        }
    }

    static Integer integer(String text, String field, String label, List<FieldProblem> problems) {
        Double value = number(text, field, label, problems);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            problems.add(new FieldProblem(
                    field, "number-format", label + "“" + text + "”须为整数", field + " must be a whole number"));
            return null;
        }
        return value.intValue();
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static List<FieldProblem> problems() {
        return new ArrayList<>();
    }
}
