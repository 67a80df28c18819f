package org.gridgov.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import org.gridgov.common.ProblemException;
import org.springframework.stereotype.Service;

/** The resident workbooks a caller downloads: the import template with its code lists, and a masked export. */
@Service
public class ResidentWorkbooks {

    private final ResidentDesk desk;
    private final PersonalReads reads;

    ResidentWorkbooks(ResidentDesk desk, PersonalReads reads) {
        this.desk = desk;
        this.reads = reads;
    }

    /**
     * The template: the headers over empty, text-formatted rows; an example on a sheet of its own; and a sheet of the
     * values each coded column takes.
     */
    public void writeTemplate(OutputStream out) throws IOException {
        var sheet = SheetWriter.open(out, "实有人口", ResidentSheet.COLUMNS);
        sheet.example(ResidentSheet.COLUMNS, ResidentSheet.EXAMPLE);
        var workbook = sheet.workbook();
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
     * Streams every resident a search finds in the caller's scope, masked as the caller may see them ({@link
     * Disclosure}): without personal:unmask the workbook has a 出生年份 column where the import template has 出生日期.
     * The export is audited with its purpose, what was asked and how many rows went out.
     *
     * @throws ProblemException 400 without a stated purpose: an export of personal data is audited with its purpose
     */
    public void export(ResidentDesk.SearchQuery query, String purpose, OutputStream out) throws IOException {
        requirePurpose(purpose);
        desk.check(query);
        boolean full = desk.disclosure().full();
        var columns = full ? ResidentSheet.COLUMNS : ResidentSheet.MASKED_EXPORT_COLUMNS;
        var sheet = SheetWriter.open(out, "实有人口", columns);
        long[] rows = {0};
        desk.forEachFound(query, r -> {
            rows[0]++;
            sheet.row(java.util.Arrays.asList(
                    r.name(),
                    r.idNumber(),
                    sex(r.sex()),
                    r.ethnicityName() == null ? r.ethnicity() : r.ethnicityName(),
                    full
                            ? (r.birthDate() == null ? null : r.birthDate().toString())
                            : (r.birthYear() == null ? null : r.birthYear().toString()),
                    r.gridCode(),
                    r.registeredRegion(),
                    r.registeredAddress(),
                    r.currentAddress(),
                    r.relationToHead(),
                    r.phone(),
                    r.education(),
                    r.politicalStatus(),
                    r.occupation(),
                    r.employer(),
                    r.kindLabel(),
                    String.join("、", r.tags())));
        });
        sheet.finish();
        reads.exported("resident-export", purpose.strip(), desk.exportCriteria(query), rows[0]);
    }

    /** Refuses the export's filters as the search would (400 naming the filter), before the download starts. */
    public void check(ResidentDesk.SearchQuery query) {
        desk.check(query);
    }

    /** Refuses an export without a stated purpose (at most 200 characters) with a 400 naming {@code purpose}. */
    public static void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
            throw ProblemException.invalid("purpose", "required", "导出须说明用途（不超过 200 字）", "a purpose is required");
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
