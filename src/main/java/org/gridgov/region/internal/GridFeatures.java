package org.gridgov.region.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.region.DedicatedKind;
import org.gridgov.region.GridType;
import org.gridgov.region.internal.GridAdjustments.GridDraft;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Grids as GeoJSON features: the exchange format of grid import and export (a FeatureCollection whose features carry
 * the grid attributes as properties) and of the map.
 */
public final class GridFeatures {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GridFeatures() {}

    /** Reads an outline given as a GeoJSON geometry, or a 400 naming the field. */
    public static Geometry outline(JsonNode geometry, String field) {
        var errors = new ArrayList<FieldProblem>();
        var outline = GeoJson.readGeometry(geometry, field, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return outline;
    }

    /** Reads one Feature into a draft, or a 400 naming every field at fault. */
    public static GridDraft feature(JsonNode feature) {
        var errors = new ArrayList<FieldProblem>();
        var draft = draft(feature, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return draft;
    }

    /**
     * Reads a FeatureCollection; malformed features are reported all together, each under {@code features[i]}.
     */
    public static List<GridDraft> collection(JsonNode body) {
        if (body == null
                || !body.isObject()
                || !"FeatureCollection".equals(body.path("type").asString(""))) {
            throw ProblemException.invalid(
                    "type",
                    "malformed",
                    "导入文件必须是 GeoJSON FeatureCollection",
                    "the body must be a GeoJSON FeatureCollection");
        }
        var features = body.get("features");
        if (features == null || !features.isArray()) {
            throw ProblemException.invalid(
                    "features", "malformed", "缺少 features 数组", "the FeatureCollection has no features array");
        }
        if (features.isEmpty()) {
            throw ProblemException.invalid("features", "empty", "features 数组为空", "the features array is empty");
        }
        var errors = new ArrayList<FieldProblem>();
        var drafts = new ArrayList<GridDraft>();
        for (int i = 0; i < features.size(); i++) {
            var draft = draft(features.get(i), "features[" + i + "]", errors);
            if (draft != null) {
                drafts.add(draft);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-input",
                    "部分要素格式有误，未导入任何网格",
                    "Some features are malformed; nothing was imported",
                    errors);
        }
        return drafts;
    }

    private static GridDraft draft(JsonNode feature, String field, List<FieldProblem> errors) {
        String f = field.isEmpty() ? "" : field + ".";
        if (feature == null
                || !feature.isObject()
                || !"Feature".equals(feature.path("type").asString(""))) {
            errors.add(new FieldProblem(
                    field.isEmpty() ? "type" : field, "malformed", "要素必须是 GeoJSON Feature", "not a GeoJSON Feature"));
            return null;
        }
        int before = errors.size();
        var properties = feature.path("properties");
        var outline = GeoJson.readGeometry(feature.get("geometry"), f + "geometry", errors);
        var type = enumValue(properties, "type", GridType.class, f, errors);
        var kind = enumValue(properties, "dedicatedKind", DedicatedKind.class, f, errors);
        String code = text(properties, "code");
        if (code == null && feature.has("id") && feature.get("id").isString()) {
            code = feature.get("id").asString();
        }
        if (errors.size() > before) {
            return null;
        }
        return new GridDraft(
                field,
                code,
                text(properties, "name"),
                type,
                kind,
                text(properties, "villageCode"),
                text(properties, "parentGridCode"),
                outline);
    }

    private static String text(JsonNode properties, String name) {
        var node = properties.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.asString().trim();
        return value.isEmpty() ? null : value;
    }

    private static <E extends Enum<E>> E enumValue(
            JsonNode properties, String name, Class<E> type, String f, List<FieldProblem> errors) {
        String value = text(properties, name);
        if (value == null) {
            return null;
        }
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equals(value.toUpperCase(Locale.ROOT))
                    || label(constant).equals(value)) {
                return constant;
            }
        }
        errors.add(new FieldProblem(
                f + "properties." + name,
                "unknown-value",
                name + " 的取值 “" + value + "” 不认识",
                "unknown " + name + " '" + value + "'"));
        return null;
    }

    private static String label(Enum<?> constant) {
        return switch (constant) {
            case GridType t -> t.label();
            case DedicatedKind k -> k.label();
            default -> constant.name();
        };
    }

    public static ObjectNode feature(GridVersion grid) {
        var feature = NODES.objectNode();
        feature.put("type", "Feature");
        feature.put("id", grid.code());
        feature.set("geometry", GeoJson.writeGeometry(grid.boundary()));
        var properties = feature.putObject("properties");
        properties.put("code", grid.code());
        properties.put("name", grid.name());
        properties.put("type", grid.type().name());
        properties.put(
                "dedicatedKind",
                grid.dedicatedKind() == null ? null : grid.dedicatedKind().name());
        properties.put("level", grid.regionLevel().name());
        properties.put("villageCode", grid.villageCode());
        properties.put("parentGridCode", grid.parentGridCode());
        properties.put("areaM2", Math.round(grid.areaM2()));
        properties.put("validFrom", grid.validFrom().toString());
        return feature;
    }

    public static ObjectNode collection(PageResult<GridVersion> page) {
        var collection = NODES.objectNode();
        collection.put("type", "FeatureCollection");
        var features = collection.putArray("features");
        page.content().forEach(grid -> features.add(feature(grid)));
        collection.put("page", page.page());
        collection.put("size", page.size());
        collection.put("totalElements", page.totalElements());
        collection.put("totalPages", page.totalPages());
        return collection;
    }

    public static ObjectNode geometry(Geometry geometry) {
        return GeoJson.writeGeometry(geometry);
    }
}
