package org.gridgov.assessment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.gridgov.assessment.Figure;
import org.gridgov.assessment.Score;

/** The bulletin (通报) of a ranking as a workbook: one row per subject, every indicator with what it was counted from. */
final class BulletinWorkbook {

    private BulletinWorkbook() {}

    static void write(String title, List<Score> ranking, OutputStream out) throws IOException {
        var workbook = new Workbook(out, "GridGov", "1.0");
        var sheet = workbook.newWorksheet("考核通报");
        sheet.value(0, 0, title);
        sheet.style(0, 0).bold().set();
        var header = new java.util.ArrayList<>(List.of("排名", "名称", "得分", "基础得分", "加减分", "等次", "一票否决", "通报", "较上期"));
        var indicators =
                ranking.isEmpty() ? List.<Figure>of() : ranking.getFirst().indicators();
        for (var f : indicators) {
            header.add(f.label());
            header.add(f.label() + "（分子/分母）");
        }
        for (int c = 0; c < header.size(); c++) {
            sheet.value(1, c, header.get(c));
            sheet.style(1, c).bold().fillColor("DDEBF7").set();
        }
        int r = 2;
        for (var s : ranking) {
            int c = 0;
            cell(sheet, r, c++, s.rank());
            sheet.value(r, c++, s.name());
            cell(sheet, r, c++, s.score());
            cell(sheet, r, c++, s.baseScore());
            cell(sheet, r, c++, s.adjustment() == 0 ? null : s.adjustment());
            sheet.value(r, c++, s.grade() == null ? "无考核数据" : s.grade().label());
            sheet.value(r, c++, s.veto());
            sheet.value(r, c++, s.bulletin() ? "通报" : null);
            cell(sheet, r, c++, s.change());
            for (var f : s.indicators()) {
                cell(sheet, r, c++, f.value());
                sheet.value(r, c++, f.numerator() + "/" + f.denominator());
            }
            r++;
        }
        workbook.finish();
    }

    private static void cell(org.dhatim.fastexcel.Worksheet sheet, int r, int c, Number value) {
        if (value != null) {
            sheet.value(r, c, value);
        }
    }
}
