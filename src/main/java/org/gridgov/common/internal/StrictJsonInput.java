package org.gridgov.common.internal;

import java.util.Iterator;
import java.util.Map;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Makes every JSON text the platform reads be text: a number or a boolean sent for a text field is refused instead of
 * quietly becoming {@code "-1"} or {@code "true"}, an enum is named rather than numbered, and text (values, map keys, and the strings inside free-form JSON
 * such as GeoJSON) with a control character other than tab, line feed or carriage return is refused with the path of
 * the field, before it can reach the database.
 */
@Component
class StrictJsonInput implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.withCoercionConfig(
                LogicalType.Textual,
                c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        // An enum by its position ("kind": 1) silently picks whatever constant is second today.
        builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        var module = new SimpleModule("gridgov-strict-text");
        module.addDeserializer(String.class, new TextDeserializer());
        module.addKeyDeserializer(String.class, new TextKeyDeserializer());
        module.addDeserializer(JsonNode.class, new CheckedTreeDeserializer());
        builder.addModule(module);
    }

    /** A refused control character; the handler names the field from the exception's path. */
    static final class ControlCharacterException extends MismatchedInputException {

        private final String text;

        ControlCharacterException(JsonParser parser, String text) {
            super(parser, "Text contains a control character that is not allowed", String.class);
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    /** Strings only from JSON strings, and only without refused control characters. */
    static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING) || p.hasToken(JsonToken.PROPERTY_NAME)) {
                String text = p.getString();
                if (ControlCharacters.refused(text)) {
                    throw new ControlCharacterException(p, text);
                }
                return text;
            }
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
    }

    static final class TextKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            if (ControlCharacters.refused(key)) {
                throw new ControlCharacterException(ctxt.getParser(), key);
            }
            return key;
        }
    }

    /** Free-form JSON is read as usual, then every name and text inside it is checked, naming the first refused one. */
    static final class CheckedTreeDeserializer extends ValueDeserializer<JsonNode> {

        @SuppressWarnings("unchecked")
        private final ValueDeserializer<JsonNode> standard =
                (ValueDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode tree = standard.deserialize(p, ctxt);
            check(tree, p);
            return tree;
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return standard.getNullValue(ctxt);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return standard.getAbsentValue(ctxt);
        }

        @Override
        public LogicalType logicalType() {
            return standard.logicalType();
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        private static void check(JsonNode node, JsonParser p) {
            if (node.isString()) {
                String text = node.asString();
                if (ControlCharacters.refused(text)) {
                    throw new ControlCharacterException(p, text);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        check(node.get(i), p);
                    } catch (ControlCharacterException e) {
                        e.prependPath(node, i);
                        throw e;
                    }
                }
            } else if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
                while (fields.hasNext()) {
                    var field = fields.next();
                    if (ControlCharacters.refused(field.getKey())) {
                        throw new ControlCharacterException(p, field.getKey());
                    }
                    try {
                        check(field.getValue(), p);
                    } catch (ControlCharacterException e) {
                        e.prependPath(node, field.getKey());
                        throw e;
                    }
                }
            }
        }
    }
}
