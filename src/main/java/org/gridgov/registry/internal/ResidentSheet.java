package org.gridgov.registry.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.common.FieldProblem;
import org.gridgov.registry.ResidentKind;

/**
 * The resident worksheet as people fill it in: its Chinese column headers, which the template, the import and the
 * export share, and how one row becomes a {@link ResidentDraft}. Codes may be given as the code or as its name.
 */
final class ResidentSheet {

    /** One column: its header, the draft field it fills, its code set if any, and whether an import needs it. */
    enum Column implements SheetColumn {
        NAME("姓名", "name", null, true),
        ID_NUMBER("身份证号", "idNumber", null, true),
        SEX("性别", "sex", null, false),
        ETHNICITY("民族", "ethnicity", "ETHNICITY", false),
        BIRTH_DATE("出生日期", "birthDate", null, false),
        GRID("所属网格", "gridCode", null, true),
        REGISTERED_REGION("户籍地区划", "registeredRegion", null, false),
        REGISTERED_ADDRESS("户籍详址", "registeredAddress", null, false),
        CURRENT_ADDRESS("现住址", "currentAddress", null, false),
        RELATION("与户主关系", "relationToHead", "RELATION", false),
        PHONE("联系电话", "phone", null, false),
        EDUCATION("学历", "education", "EDUCATION", false),
        POLITICAL_STATUS("政治面貌", "politicalStatus", "POLITICAL_STATUS", false),
        OCCUPATION("职业", "occupation", null, false),
        EMPLOYER("服务处所", "employer", null, false),
        KIND("人员类型", "kind", null, false),
        TAGS("标签", "tags", null, false);

        final String header;
        final String field;
        final String codeSet;
        final boolean required;

        Column(String header, String field, String codeSet, boolean required) {
            this.header = header;
            this.field = field;
            this.codeSet = codeSet;
            this.required = required;
        }

        @Override
        public String header() {
            return header;
        }

        @Override
        public boolean required() {
            return required;
        }

        @Override
        public int width() {
            return this == ID_NUMBER || this == GRID ? 22 : 14;
        }

        @Override
        public boolean text() {
            return this == ID_NUMBER || this == PHONE || this == GRID || this == REGISTERED_REGION;
        }
    }

    static final List<Column> COLUMNS = List.of(Column.values());

    /** A column only an export to a caller without personal:unmask has, in place of 出生日期 ({@link Disclosure}). */
    private record ExportColumn(String header) implements SheetColumn {
        @Override
        public boolean required() {
            return false;
        }
    }

    /** The export's columns for a caller who may see the birth year only. */
    static final List<SheetColumn> MASKED_EXPORT_COLUMNS = COLUMNS.stream()
            .map(c -> c == Column.BIRTH_DATE ? new ExportColumn("出生年份") : (SheetColumn) c)
            .toList();

    /** A row the template shows as an example; its ID number is valid but made up. */
    static final List<String> EXAMPLE = List.of(
            "张三",
            "42138119800501001" + IdNumber.checkCharacter("42138119800501001"),
            "男",
            "汉族",
            "1980-05-01",
            "421381101001101",
            "421381",
            "湖北省广水市杨寨镇站前社区",
            "杨寨镇站前社区幸福路 8 号",
            "户主",
            "13900001111",
            "大学本科",
            "群众",
            "教师",
            "杨寨镇中心小学",
            "户籍人口",
            "党员、志愿者");

    private static final DateTimeFormatter[] DATES = {
        DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d")
    };

    private ResidentSheet() {}

    /** A row read into a draft, with what could not even be read (a date that is no date). */
    record Read(ResidentDraft draft, List<FieldProblem> problems) {}

    static Read read(Row row, SheetLayout layout, CodeSets codes) {
        var problems = new ArrayList<FieldProblem>();
        LocalDate birth = null;
        var birthCell = layout.cell(row, Column.BIRTH_DATE);
        String birthText = SheetLayout.text(birthCell);
        if (birthText != null) {
            birth = date(birthCell, birthText).orElse(null);
            if (birth == null) {
                // The text is not repeated: the report is read by others than the person it is about.
                problems.add(new FieldProblem(
                        "birthDate",
                        "date-format",
                        "出生日期须为日期或 yyyy-MM-dd、yyyy/M/d",
                        "birthDate must be a date cell, yyyy-MM-dd or yyyy/M/d"));
            }
        }
        String kindText = layout.get(row, Column.KIND);
        ResidentKind kind = null;
        if (kindText != null) {
            kind = Arrays.stream(ResidentKind.values())
                    .filter(k ->
                            k.name().equalsIgnoreCase(kindText) || k.label().equals(kindText))
                    .findFirst()
                    .orElse(null);
            if (kind == null) {
                problems.add(new FieldProblem(
                        "kind", "unknown-value", "人员类型“" + kindText + "”不存在", "unknown kind " + kindText));
            }
        }
        String tags = layout.get(row, Column.TAGS);
        String idNumber = layout.typedAsText(row, Column.ID_NUMBER, "idNumber", "身份证号", problems);
        String phone = layout.digits(row, Column.PHONE, "phone", "联系电话", true, problems);
        String grid = layout.digits(row, Column.GRID, "gridCode", "所属网格", false, problems);
        var draft = new ResidentDraft(
                grid,
                layout.get(row, Column.NAME),
                idNumber,
                sex(layout.get(row, Column.SEX)),
                code(codes, Column.ETHNICITY, layout.get(row, Column.ETHNICITY)),
                birth,
                layout.get(row, Column.REGISTERED_REGION),
                layout.get(row, Column.REGISTERED_ADDRESS),
                layout.get(row, Column.CURRENT_ADDRESS),
                null,
                null,
                code(codes, Column.RELATION, layout.get(row, Column.RELATION)),
                phone,
                code(codes, Column.EDUCATION, layout.get(row, Column.EDUCATION)),
                code(codes, Column.POLITICAL_STATUS, layout.get(row, Column.POLITICAL_STATUS)),
                null,
                layout.get(row, Column.OCCUPATION),
                layout.get(row, Column.EMPLOYER),
                kind,
                null,
                tags == null ? null : RecordSheet.split(tags),
                null);
        return new Read(draft, problems);
    }

    private static String sex(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "男" -> "1";
            case "女" -> "2";
            case "未知" -> "0";
            case "未说明" -> "9";
            default -> text;
        };
    }

    /** The code for a code or a name; an unknown value stays as given so the rules name it. */
    private static String code(CodeSets codes, Column column, String text) {
        return text == null ? null : codes.codeOf(column.codeSet, text).orElse(text);
    }

    private static Optional<LocalDate> date(Cell cell, String text) {
        if (cell != null && cell.getType() == CellType.NUMBER) {
            try {
                return Optional.of(cell.asDate().toLocalDate());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        for (var format : DATES) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
