package org.gridgov.region.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.gridgov.common.ProblemException;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the files sent to the region imports (GeoJSON grids, villages as GeoJSON or a workbook): whatever is missing,
 * empty, truncated or not what it claims to be is a 400 naming {@code file}, never a server error.
 */
public final class ImportFiles {

    private ImportFiles() {}

    /** The uploaded file's content; 400 naming {@code file} when none or an empty one was sent. */
    public static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw bad("empty", "请上传文件，文件不能为空", "upload a non-empty file");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON file (a byte-order mark allowed); 400 naming {@code file} when it is not valid UTF-8 JSON. */
    public static JsonNode json(byte[] content, ObjectMapper json) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw bad("format", "文件不是 UTF-8 编码的 GeoJSON 文本", "the file is not UTF-8 GeoJSON text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw bad("format", "文件含有空字符，不是 GeoJSON 文本", "the file holds NUL characters; it is not GeoJSON text");
        }
        try {
            var node = json.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw bad("empty", "文件为空", "the file is empty");
            }
            return node;
        } catch (JacksonException e) {
            throw bad("malformed", "文件不是有效的 JSON（可能不完整）", "the file is not valid JSON (it may be truncated)");
        }
    }

    /** A file that must hold a GeoJSON FeatureCollection; 400 naming {@code file} when it holds anything else. */
    public static JsonNode featureCollection(byte[] content, ObjectMapper json) {
        var node = json(content, json);
        if (!node.isObject() || !"FeatureCollection".equals(node.path("type").asString(""))) {
            throw bad(
                    "not-feature-collection",
                    "文件不是 GeoJSON FeatureCollection",
                    "the file is not a GeoJSON FeatureCollection");
        }
        return node;
    }

    static ProblemException bad(String code, String message, String messageEn) {
        return ProblemException.invalid("file", code, message, messageEn);
    }
}
