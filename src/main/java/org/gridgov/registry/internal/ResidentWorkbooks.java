package org.gridgov.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gridgov.common.ProblemException;
import org.gridgov.registry.internal.ResidentSheet.Column;
import org.springframework.stereotype.Service;

/** The resident workbooks a caller downloads: the import template with its code lists, and a masked export. */
@Service
public class ResidentWorkbooks {

    private final ResidentDesk desk;

    ResidentWorkbooks(ResidentDesk desk) {
        this.desk = desk;
    }

    /** The template: the headers, one example row, and a second sheet of the values each coded column takes. */
    public void writeTemplate(OutputStream out) throws IOException {
        var workbook = new Workbook(out, "GridGov", "1.0");
        var sheet = workbook.newWorksheet("实有人口");
        ResidentSheet.header(sheet);
        for (int c = 0; c < ResidentSheet.EXAMPLE.size(); c++) {
            sheet.value(1, c, ResidentSheet.EXAMPLE.get(c));
        }
        var codes = workbook.newWorksheet("代码表");
        codes.value(0, 0, "代码集");
        codes.value(0, 1, "代码");
        codes.value(0, 2, "名称");
        codes.value(0, 3, "说明");
        int row = 1;
        for (var entry : desk.codes().entrySet()) {
            for (var value : entry.getValue()) {
                codes.value(row, 0, entry.getKey());
                codes.value(row, 1, value.code());
                codes.value(row, 2, value.name());
                row++;
            }
        }
        codes.value(1, 3, "代码列可填代码或名称；性别可填 男/女；人员类型填 户籍人口/流动人口/境外人员/留守人员；" + "标签用顿号分隔；出生日期可留空（由身份证号得出）");
        workbook.finish();
    }

    /**
     * Streams every resident a search finds in the caller's scope, ID number and phone masked.
     *
     * @throws ProblemException 400 without a stated purpose: an export of personal data is audited with its purpose
     */
    public void export(ResidentDesk.SearchQuery query, String purpose, OutputStream out) throws IOException {
        requirePurpose(purpose);
        var workbook = new Workbook(out, "GridGov", "1.0");
        var sheet = workbook.newWorksheet("实有人口");
        ResidentSheet.header(sheet);
        int[] next = {1};
        desk.forEachFound(query, r -> {
            int row = next[0]++;
            text(sheet, row, Column.NAME, r.name());
            text(sheet, row, Column.ID_NUMBER, r.idNumber());
            text(sheet, row, Column.SEX, sex(r.sex()));
            text(sheet, row, Column.ETHNICITY, r.ethnicityName() == null ? r.ethnicity() : r.ethnicityName());
            text(
                    sheet,
                    row,
                    Column.BIRTH_DATE,
                    r.birthDate() == null ? null : r.birthDate().toString());
            text(sheet, row, Column.GRID, r.gridCode());
            text(sheet, row, Column.REGISTERED_REGION, r.registeredRegion());
            text(sheet, row, Column.REGISTERED_ADDRESS, r.registeredAddress());
            text(sheet, row, Column.CURRENT_ADDRESS, r.currentAddress());
            text(sheet, row, Column.RELATION, r.relationToHead());
            text(sheet, row, Column.PHONE, r.phone());
            text(sheet, row, Column.EDUCATION, r.education());
            text(sheet, row, Column.POLITICAL_STATUS, r.politicalStatus());
            text(sheet, row, Column.OCCUPATION, r.occupation());
            text(sheet, row, Column.EMPLOYER, r.employer());
            text(sheet, row, Column.KIND, r.kindLabel());
            text(sheet, row, Column.TAGS, String.join("、", r.tags()));
            ResidentImports.flushEvery(sheet, row);
        });
        workbook.finish();
    }

    /** Refuses an export without a stated purpose (at most 200 characters) with a 400 naming {@code purpose}. */
    public static void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
            throw ProblemException.invalid("purpose", "required", "导出须说明用途（不超过 200 字）", "a purpose is required");
        }
    }

    /** Inline strings: a shared-string table of a million distinct names would have to sit in memory until the end. */
    private static void text(Worksheet sheet, int row, Column column, String value) {
        if (value != null && !value.isEmpty()) {
            sheet.inlineString(row, column.ordinal(), value);
        }
    }

    private static String sex(String code) {
        return switch (code) {
            case "1" -> "男";
            case "2" -> "女";
            case null -> null;
            default -> code;
        };
    }
}
