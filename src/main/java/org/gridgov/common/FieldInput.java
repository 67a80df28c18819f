package org.gridgov.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects what is wrong with a request's fields, each named in Chinese and English, and refuses them all at once. */
public final class FieldInput {

    /** A client-made id: a UUID or any other 8–64 letters, digits and {@code -_.:}. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_.:-]{8,64}");

    private final List<FieldProblem> problems = new ArrayList<>();

    public String requestId(String value) {
        if (value == null || value.isBlank()) {
            add("requestId", "required", "请求编号必填", "requestId is required");
            return null;
        }
        if (!REQUEST_ID.matcher(value).matches()) {
            add("requestId", "format", "请求编号须为 8 到 64 位字母、数字或 -_.:", "requestId must be 8-64 of A-Z a-z 0-9 - _ . :");
            return null;
        }
        return value;
    }

    /** The text trimmed, null when blank; a problem when required and blank, or longer than {@code max}. */
    public String text(String field, String value, int max, boolean required, String label, String labelEn) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text == null) {
            if (required) {
                add(field, "required", label + "必填", labelEn + " is required");
            }
            return null;
        }
        if (text.length() > max) {
            add(field, "too-long", label + "不能超过 " + max + " 字", labelEn + " is longer than " + max + " characters");
            return null;
        }
        return text;
    }

    /** A point's coordinates, both given or both left out (unless required), in range. */
    public boolean point(Double lon, Double lat, boolean required) {
        if (lon == null && lat == null && !required) {
            return false;
        }
        int before = problems.size();
        if (lon == null) {
            add("lon", "required", "经度必填", "lon is required");
        } else if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            add("lon", "range", "经度必须在 -180 到 180 之间", "lon must be within -180..180");
        }
        if (lat == null) {
            add("lat", "required", "纬度必填", "lat is required");
        } else if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            add("lat", "range", "纬度必须在 -90 到 90 之间", "lat must be within -90..90");
        }
        return problems.size() == before;
    }

    public Double accuracy(Double value) {
        if (value != null && (!Double.isFinite(value) || value < 0 || value > 100_000)) {
            add("accuracy", "range", "精度须在 0 到 100000 米之间", "accuracy must be within 0..100000 metres");
            return null;
        }
        return value;
    }

    /** A period from {@code first} to {@code last}, both included: in order, within 2000..2099, a year at most. */
    public static void period(java.time.LocalDate first, java.time.LocalDate last) {
        if (first.getYear() < 2000 || last.getYear() > 2099 || first.isAfter(last)) {
            throw ProblemException.invalid(
                    "from", "range", "日期范围有误（2000–2099 年，开始不晚于结束）", "from..to must lie within 2000..2099, in order");
        }
        if (first.plusYears(1).isBefore(last)) {
            throw ProblemException.invalid("to", "range", "日期范围不能超过一年", "from..to may span a year at most");
        }
    }

    public void add(String field, String code, String message, String messageEn) {
        problems.add(new FieldProblem(field, code, message, messageEn));
    }

    public void refuseIfAny() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    /** A rule the well-formed request breaks: 422 naming the field. */
    public static ProblemException rule(String field, String code, String message, String messageEn) {
        return ProblemException.unprocessable(
                message, messageEn, List.of(new FieldProblem(field, code, message, messageEn)));
    }
}
