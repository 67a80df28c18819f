package org.gridgov.team.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ProblemException;
import org.gridgov.region.RegionApi;
import org.gridgov.team.Employment;
import org.gridgov.team.MemberCommand;
import org.gridgov.team.Position;
import org.springframework.stereotype.Service;

/**
 * Rosters from a workbook (花名册导入): a row per member — grid code, position, name, employment, phone, duties, first
 * day — each added as the roster form adds one, in row order, so that the rules of a form hold for a row (one 网格长
 * per grid, phone format, the caller's scope). A row that breaks one is refused with its reasons and the others are
 * kept; a row naming someone already on the grid's roster in that position is refused too, so that a workbook sent
 * twice adds nobody twice.
 */
@Service
class RosterImport {

    /** A roster workbook covers a township or so; a county's teams come in several. */
    static final int MAX_ROWS = 5_000;

    enum Column {
        GRID("所属网格", "gridCode", true, true),
        POSITION("岗位", "positionCode", true, false),
        NAME("姓名", "name", true, false),
        EMPLOYMENT("专兼职", "employment", false, false),
        PHONE("联系电话", "phone", false, true),
        DUTIES("职责", "duties", false, false),
        FROM("任职起始", "validFrom", false, true);

        final String header;
        final String field;
        final boolean required;
        final boolean text;

        Column(String header, String field, boolean required, boolean text) {
            this.header = header;
            this.field = field;
            this.required = required;
            this.text = text;
        }
    }

    /** A row refused, with one problem; a row with several problems has several. */
    record Rejection(int rowNumber, String name, String field, String code, String message, String messageEn) {}

    record Outcome(int rows, int added, int rejectedRows, List<Rejection> rejections) {}

    private final RosterDesk desk;
    private final PositionRepository positions;
    private final TeamScope scope;
    private final RegionApi regions;
    private final TeamDays days;

    RosterImport(RosterDesk desk, PositionRepository positions, TeamScope scope, RegionApi regions, TeamDays days) {
        this.days = days;
        this.desk = desk;
        this.positions = positions;
        this.scope = scope;
        this.regions = regions;
    }

    /** The workbook to fill in: the columns over empty rows, then the positions and the caller's grids to copy from. */
    void writeTemplate(OutputStream out) throws IOException {
        var workbook = new Workbook(out, "GridGov", "1.0");
        var sheet = workbook.newWorksheet("队伍花名册");
        var columns = Column.values();
        for (int c = 0; c < columns.length; c++) {
            sheet.value(0, c, columns[c].header);
            sheet.width(c, c == Column.DUTIES.ordinal() ? 40 : 18);
            if (columns[c].text) {
                // A grid code or phone typed into a number cell loses digits: the column stays text.
                sheet.style(c).format("@").set();
            }
        }
        sheet.range(0, 0, 0, columns.length - 1).style().bold().set();
        var help = workbook.newWorksheet("填写说明");
        int r = 0;
        help.value(r++, 0, "所属网格填网格编码（见下表）；岗位填岗位名称；专兼职填 专职 或 兼职，岗位已定的可留空；任职起始填日期，留空为导入当天。");
        help.value(r++, 0, "只读取第一张工作表；已在该网格同一岗位任职的同名成员不会重复导入。");
        r++;
        help.value(r, 0, "岗位");
        help.value(r++, 1, "专兼职");
        for (var p : positions.all()) {
            help.value(r, 0, p.name());
            help.value(r++, 1, p.employment() == null ? "按实际填写" : p.employment().label());
        }
        r++;
        help.value(r, 0, "网格名称");
        help.value(r++, 1, "网格编码");
        var codes = regions.gridCodesUnder(scope.region(null)).stream()
                .filter(scope::covers)
                .toList();
        var names = regions.names(codes);
        for (String code : codes) {
            help.value(r, 0, names.get(code));
            help.value(r++, 1, code);
        }
        help.width(0, 24);
        help.width(1, 20);
        workbook.finish();
    }

    /** Reads a workbook and adds its rows; refused whole (400 naming {@code file}) when it cannot be read as one. */
    Outcome run(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw badFile("format", "无法读取上传的文件", "the upload cannot be read");
        }
        if (bytes.length == 0) {
            throw badFile("empty", "文件为空", "the file is empty");
        }
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, 8));
        if (head.length < 8 || !ReadableWorkbook.isOOXMLZipHeader(head)) {
            throw ReadableWorkbook.isOLE2Header(head)
                    ? badFile("format", "不支持旧版 xls 文件，请另存为 xlsx", "xls is not supported; save the file as xlsx")
                    : badFile("format", "文件不是 Excel（xlsx）工作簿", "the file is not an xlsx workbook");
        }
        List<Row> rows;
        try (var workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(bytes));
                var stream = workbook.getFirstSheet().openStream()) {
            rows = stream.limit(MAX_ROWS + 2L).toList();
        } catch (IOException | RuntimeException e) {
            throw badFile(
                    "format", "无法读取该 xlsx 文件（文件可能已损坏或不完整）", "the xlsx file cannot be read (damaged or incomplete)");
        }
        if (rows.isEmpty()) {
            throw badFile("empty", "工作表为空，第一行应为列标题", "the sheet is empty; the first row must hold the headers");
        }
        int[] index = layout(rows.getFirst());
        var data =
                rows.subList(1, rows.size()).stream().filter(row -> !blank(row)).toList();
        if (data.isEmpty()) {
            throw badFile("empty", "文件只有标题行，没有数据", "the file has headers but no rows");
        }
        if (data.size() > MAX_ROWS) {
            throw badFile(
                    "too-many-rows",
                    "一次最多导入 " + MAX_ROWS + " 行，请按乡镇分开导入",
                    "at most " + MAX_ROWS + " rows at a time; import a township at a time");
        }
        var byName = new java.util.HashMap<String, Position>();
        for (var p : positions.all()) {
            byName.put(p.name(), p);
            byName.put(p.code(), p);
        }
        var rejections = new ArrayList<Rejection>();
        int added = 0;
        int rejectedRows = 0;
        for (Row row : data) {
            var problems = new ArrayList<FieldProblem>();
            String name = text(cell(row, index, Column.NAME));
            try {
                add(row, index, byName, problems);
            } catch (ProblemException refused) {
                problems.addAll(
                        refused.errors().isEmpty()
                                ? List.of(new FieldProblem(
                                        Column.GRID.field, refused.type(), refused.detail(), refused.detailEn()))
                                : refused.errors());
            }
            if (problems.isEmpty()) {
                added++;
            } else {
                rejectedRows++;
                for (var p : problems) {
                    rejections.add(
                            new Rejection(row.getRowNum(), name, p.field(), p.code(), withColumn(p), p.messageEn()));
                }
            }
        }
        return new Outcome(data.size(), added, rejectedRows, rejections);
    }

    /** Adds the row's member, or leaves the reasons it cannot be added in {@code problems}. */
    private void add(Row row, int[] index, Map<String, Position> byName, List<FieldProblem> problems) {
        String grid = text(cell(row, index, Column.GRID));
        String positionText = text(cell(row, index, Column.POSITION));
        String name = text(cell(row, index, Column.NAME));
        if (grid == null) {
            problems.add(new FieldProblem(Column.GRID.field, "required", "必填", "is required"));
        }
        Position position = positionText == null ? null : byName.get(positionText);
        if (positionText == null) {
            problems.add(new FieldProblem(Column.POSITION.field, "required", "必填", "is required"));
        } else if (position == null) {
            problems.add(new FieldProblem(
                    Column.POSITION.field, "unknown-value", "没有这个岗位：" + positionText, "no position " + positionText));
        }
        Employment employment = null;
        String employmentText = text(cell(row, index, Column.EMPLOYMENT));
        if (employmentText != null) {
            employment = Arrays.stream(Employment.values())
                    .filter(e -> e.label().equals(employmentText) || e.name().equalsIgnoreCase(employmentText))
                    .findFirst()
                    .orElse(null);
            if (employment == null) {
                problems.add(
                        new FieldProblem(Column.EMPLOYMENT.field, "unknown-value", "须为 专职 或 兼职", "must be 专职 or 兼职"));
            }
        }
        LocalDate from = date(cell(row, index, Column.FROM), problems);
        if (!problems.isEmpty()) {
            return;
        }
        String gridCode = scope.grid(grid);
        LocalDate day = from != null ? from : days.today();
        boolean serving = desk.roster(gridCode, day, new PageQuery(0, PageQuery.MAX_SIZE)).content().stream()
                .anyMatch(m -> m.name().equals(name) && m.positionCode().equals(position.code()));
        if (serving) {
            problems.add(new FieldProblem(
                    Column.NAME.field,
                    "exists",
                    "已在该网格任" + position.name() + "，未重复导入",
                    "serves the grid as " + position.nameEn() + " already; not added again"));
            return;
        }
        desk.add(
                gridCode,
                new MemberCommand(
                        position.code(),
                        employment,
                        name,
                        text(cell(row, index, Column.PHONE)),
                        text(cell(row, index, Column.DUTIES)),
                        null,
                        from,
                        null,
                        null,
                        "花名册导入",
                        null));
    }

    /** Where each column is, by its header in any order; the file is refused when a required one is missing. */
    private static int[] layout(Row header) {
        int[] index = new int[Column.values().length];
        Arrays.fill(index, -1);
        var unknown = new ArrayList<String>();
        for (int c = 0; c < header.getCellCount(); c++) {
            String text = text(header.getCell(c));
            if (text == null) {
                continue;
            }
            var column = Arrays.stream(Column.values())
                    .filter(k -> k.header.equals(text))
                    .findFirst();
            if (column.isPresent()) {
                index[column.get().ordinal()] = c;
            } else {
                unknown.add(text);
            }
        }
        var missing = Arrays.stream(Column.values())
                .filter(k -> k.required && index[k.ordinal()] < 0)
                .map(k -> k.header)
                .toList();
        if (!missing.isEmpty()) {
            throw badFile(
                    "missing-columns",
                    "缺少必需的列：" + String.join("、", missing),
                    "missing required columns: " + String.join(", ", missing));
        }
        if (!unknown.isEmpty()) {
            throw badFile(
                    "unknown-columns",
                    "不认识的列：" + String.join("、", unknown),
                    "columns that are not in the template: " + String.join(", ", unknown));
        }
        return index;
    }

    /** The message, led by the column it concerns unless it names that column already. */
    private static String withColumn(FieldProblem problem) {
        return Arrays.stream(Column.values())
                .filter(k ->
                        k.field.equals(problem.field()) && !problem.message().startsWith(k.header))
                .map(k -> k.header + "：" + problem.message())
                .findFirst()
                .orElse(problem.message());
    }

    private static Cell cell(Row row, int[] index, Column column) {
        int c = index[column.ordinal()];
        return c < 0 || c >= row.getCellCount() ? null : row.getCell(c);
    }

    private static boolean blank(Row row) {
        for (int c = 0; c < row.getCellCount(); c++) {
            if (text(row.getCell(c)) != null) {
                return false;
            }
        }
        return true;
    }

    /** A cell as text; a number loses its exponent and trailing zeros, so a code typed as a number reads as digits. */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        String raw = cell.getType() == CellType.NUMBER
                ? new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString()
                : cell.getText();
        if (raw == null) {
            return null;
        }
        String stripped = raw.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A date cell, or a day written 2026-12-03 (or 2026/12/3); null when empty. */
    private static LocalDate date(Cell cell, List<FieldProblem> problems) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER) {
            try {
                return cell.asDate().toLocalDate();
            } catch (RuntimeException notADate) {
                problems.add(badDate());
                return null;
            }
        }
        String text = text(cell);
        if (text == null) {
            return null;
        }
        String[] parts = text.split("[-/.年月日]");
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (RuntimeException e) {
            problems.add(badDate());
            return null;
        }
    }

    private static FieldProblem badDate() {
        return new FieldProblem(Column.FROM.field, "format", "日期格式应为 2026-12-03", "a day is written 2026-12-03");
    }

    private static ProblemException badFile(String code, String message, String messageEn) {
        return ProblemException.invalid(List.of(new FieldProblem("file", code, message, messageEn)));
    }
}
