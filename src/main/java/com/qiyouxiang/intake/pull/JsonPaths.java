package com.qiyouxiang.intake.pull;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Dotted paths into a JSON answer ("data.records"), as the dataset files name them. */
final class JsonPaths {

    private JsonPaths() {
    }

    static JsonNode at(JsonNode root, String dotted) {
        if (dotted == null || dotted.isBlank()) {
            return MissingNode.getInstance();
        }
        JsonNode node = root;
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** A field's text as an export cell: numbers exactly as sent (no exponent), null as empty. */
    static String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.decimalValue().toPlainString();
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** The start of an answer, for a message (never more than 200 characters). */
    static String brief(JsonNode answer) {
        String s = answer.toString();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
