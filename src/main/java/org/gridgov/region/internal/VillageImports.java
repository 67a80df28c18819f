package org.gridgov.region.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.gridgov.region.internal.RegionRegister.RegionDraft;
import org.gridgov.region.internal.RegionRegister.VillageImport;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Adds many villages (communities) at once from a workbook (the template: code, name, parent township code, optional
 * outline as WKT or a GeoJSON geometry) or a GeoJSON FeatureCollection (properties code, name, parentCode; the
 * geometry, which may be null, is the outline). All or nothing, like the grid import: any refused row refuses the
 * file, and every refused row is reported by row (Excel's row number) or feature (its index) and field.
 */
@Service
public class VillageImports {

    /** A county has a few hundred villages; a file far beyond that is a mistake, not a village list. */
    static final int MAX_ROWS = 5000;

    private static final String SHEET = "村（社区）";

    /** The template's columns: header, attribute, width. */
    private static final List<String[]> COLUMNS = List.of(
            new String[] {"编码 code", "code", "18"},
            new String[] {"名称 name", "name", "24"},
            new String[] {"上级乡镇编码 parentCode", "parentCode", "22"},
            new String[] {"边界 outline（可空：WKT 或 GeoJSON 几何）", "outline", "48"});

    private final RegionRegister register;
    private final ObjectMapper json;

    VillageImports(RegionRegister register, ObjectMapper json) {
        this.register = register;
        this.json = json;
    }

    /** Imports an uploaded workbook or GeoJSON file ({@code file}); 400 naming {@code file} when it cannot be read. */
    public VillageImport importFile(MultipartFile file) {
        byte[] content = ImportFiles.bytes(file);
        var problems = new ArrayList<FieldProblem>();
        byte[] head = java.util.Arrays.copyOf(content, Math.min(8, content.length));
        List<RegionDraft> drafts;
        if (content.length >= 8 && ReadableWorkbook.isOOXMLZipHeader(head)) {
            drafts = workbook(content, problems);
        } else if (content.length >= 8 && ReadableWorkbook.isOLE2Header(head)) {
            throw ImportFiles.bad("format", "不支持旧版 xls 文件，请另存为 xlsx", "xls is not supported; save the file as xlsx");
        } else {
            drafts = features(ImportFiles.featureCollection(content, json), problems);
        }
        if (drafts.isEmpty() && problems.isEmpty()) {
            throw ImportFiles.bad("empty", "文件中没有村（社区）数据", "the file holds no villages");
        }
        return register.importVillages(drafts, problems);
    }

    private List<RegionDraft> workbook(byte[] content, List<FieldProblem> problems) {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
                var rows = workbook.getFirstSheet().openStream()) {
            var iterator = rows.iterator();
            if (!iterator.hasNext()) {
                throw ImportFiles.bad(
                        "empty", "工作表为空，第一行应为列标题", "the sheet is empty; the first row must hold the headers");
            }
            var columns = header(iterator.next());
            var drafts = new ArrayList<RegionDraft>();
            while (iterator.hasNext()) {
                Row row = iterator.next();
                String code = text(row, columns.get("code"));
                String name = text(row, columns.get("name"));
                String parent = text(row, columns.get("parentCode"));
                String outlineText = text(row, columns.get("outline"));
                if (code == null && name == null && parent == null && outlineText == null) {
                    continue;
                }
                if (drafts.size() == MAX_ROWS) {
                    throw tooManyRows();
                }
                String field = "rows[" + row.getRowNum() + "].";
                var outline = outlineText == null ? null : outline(outlineText, field + "outline", problems);
                drafts.add(new RegionDraft(field, field + "outline", code, name, parent, outline));
            }
            return drafts;
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // fastexcel reports a truncated package or damaged sheet XML with exceptions of its own
            throw ImportFiles.bad(
                    "format", "无法读取该 xlsx 文件（文件可能不完整或已损坏）", "the xlsx file cannot be read (truncated or damaged)");
        }
    }

    /** Which column holds which attribute, by its header; code and name are required. */
    private static Map<String, Integer> header(Row row) {
        var columns = new HashMap<String, Integer>();
        for (int c = 0; c < row.getCellCount(); c++) {
            String header = text(row, c);
            if (header == null) {
                continue;
            }
            String h = header.toLowerCase(Locale.ROOT).replace(" ", "");
            String attribute = h.contains("parent") || h.contains("上级")
                    ? "parentCode"
                    : h.contains("outline") || h.contains("geometry") || h.contains("边界") || h.contains("wkt")
                            ? "outline"
                            : h.contains("code") || h.contains("编码")
                                    ? "code"
                                    : h.contains("name") || h.contains("名称") ? "name" : null;
            if (attribute != null) {
                columns.putIfAbsent(attribute, c);
            }
        }
        if (!columns.containsKey("code") || !columns.containsKey("name")) {
            throw ImportFiles.bad(
                    "header",
                    "第一行须为列标题：编码、名称、上级乡镇编码、边界（请使用模板）",
                    "the first row must hold the headers code, name, parentCode, outline (use the template)");
        }
        return columns;
    }

    /** A cell as text: a number typed into a code column reads back as its digits (12 digits fit a number exactly). */
    private static String text(Row row, Integer column) {
        if (column == null) {
            return null;
        }
        Cell cell = row.getOptionalCell(column).orElse(null);
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        String raw;
        try {
            raw = cell.getType() == CellType.NUMBER
                    ? new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString()
                    : cell.getText();
        } catch (NumberFormatException e) {
            raw = cell.getRawValue();
        }
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        return value.isEmpty() ? null : value;
    }

    private List<RegionDraft> features(JsonNode collection, List<FieldProblem> problems) {
        var features = collection.get("features");
        if (features == null || !features.isArray()) {
            throw ImportFiles.bad("malformed", "缺少 features 数组", "the FeatureCollection has no features array");
        }
        if (features.size() > MAX_ROWS) {
            throw tooManyRows();
        }
        var drafts = new ArrayList<RegionDraft>();
        for (int i = 0; i < features.size(); i++) {
            var feature = features.get(i);
            String at = "features[" + i + "]";
            if (!feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
                problems.add(new FieldProblem(at, "malformed", "要素必须是 GeoJSON Feature", "not a GeoJSON Feature"));
                continue;
            }
            var properties = feature.path("properties");
            var geometry = feature.get("geometry");
            Geometry outline = geometry == null || geometry.isNull()
                    ? null
                    : GeoJson.readGeometry(geometry, at + ".geometry", problems);
            String field = at + ".properties.";
            String parent = property(properties, "parentCode");
            drafts.add(new RegionDraft(
                    field,
                    at + ".geometry",
                    property(properties, "code"),
                    property(properties, "name"),
                    parent != null ? parent : property(properties, "parent"),
                    outline));
        }
        return drafts;
    }

    private static String property(JsonNode properties, String name) {
        var node = properties.get(name);
        if (node == null || node.isNull() || !(node.isString() || node.isIntegralNumber())) {
            return null;
        }
        String value = node.asString().strip();
        return value.isEmpty() ? null : value;
    }

    /** An outline cell: a GeoJSON geometry object, or WKT (POLYGON or MULTIPOLYGON in lon/lat). */
    private Geometry outline(String text, String field, List<FieldProblem> problems) {
        if (text.startsWith("{")) {
            try {
                return GeoJson.readGeometry(json.readTree(text), field, problems);
            } catch (JacksonException e) {
                problems.add(
                        new FieldProblem(field, "malformed", "边界不是有效的 GeoJSON 几何", "the outline is not valid GeoJSON"));
                return null;
            }
        }
        Geometry geometry;
        try {
            geometry = new WKTReader(Geo.FACTORY).read(text);
        } catch (ParseException | RuntimeException e) {
            problems.add(new FieldProblem(
                    field,
                    "malformed",
                    "边界须为 WKT（POLYGON 或 MULTIPOLYGON）或 GeoJSON 几何",
                    "the outline must be WKT or GeoJSON"));
            return null;
        }
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon) || geometry.isEmpty()) {
            problems.add(new FieldProblem(
                    field,
                    "malformed",
                    "边界须为多边形（POLYGON 或 MULTIPOLYGON）",
                    "the outline must be a POLYGON or MULTIPOLYGON"));
            return null;
        }
        var box = geometry.getEnvelopeInternal();
        if (box.getMinX() < -180 || box.getMaxX() > 180 || box.getMinY() < -90 || box.getMaxY() > 90) {
            problems.add(new FieldProblem(field, "malformed", "边界坐标超出经纬度范围", "outline positions out of lon/lat range"));
            return null;
        }
        return geometry;
    }

    private static ProblemException tooManyRows() {
        return ImportFiles.bad(
                "too-many-rows",
                "一次最多导入 " + MAX_ROWS + " 个村（社区），请分批导入",
                "at most " + MAX_ROWS + " villages per file; split the file");
    }

    /**
     * The workbook to fill in: the columns on the first sheet, text-formatted so that codes keep their digits, with
     * no example among the data rows (an example there would be imported); the rules and an example are on a second
     * sheet.
     */
    public void writeTemplate(OutputStream out) throws IOException {
        var workbook = new Workbook(out, "GridGov", "1.0");
        var sheet = workbook.newWorksheet(SHEET);
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.value(0, c, COLUMNS.get(c)[0]);
            sheet.width(c, Integer.parseInt(COLUMNS.get(c)[2]));
        }
        sheet.range(0, 0, 0, COLUMNS.size() - 1).style().bold().set();
        sheet.range(1, 0, 1000, COLUMNS.size() - 1).style().format("@").set();
        var help = workbook.newWorksheet("说明");
        var lines = List.of(
                "每行一个村（社区）；第一行是列标题，请勿修改。Each row is one village; keep the header row.",
                "编码：12 位统计用区划代码（所属乡镇 9 位 + 3 位）。code: 12 digits, the township's 9 digits + 3.",
                "名称：必填，不超过 100 字。name: required, at most 100 characters.",
                "上级乡镇编码：可空，填写时须等于编码前 9 位。parentCode: optional; if given, the first 9 digits of the code.",
                "边界：可空；WKT（POLYGON/MULTIPOLYGON，经纬度）或 GeoJSON 几何。outline: optional WKT or GeoJSON, lon/lat.",
                "全部正确才会导入；有误时不导入任何一行，并列出每行的问题。All or nothing: any refused row refuses the file.",
                "示例 example: 421381102201 | 某某村 | 421381102 | POLYGON((113.8 31.6, 113.81 31.6, 113.81 31.61, 113.8 31.61, 113.8 31.6))");
        help.width(0, 120);
        for (int r = 0; r < lines.size(); r++) {
            help.value(r, 0, lines.get(r));
        }
        workbook.finish();
    }
}
