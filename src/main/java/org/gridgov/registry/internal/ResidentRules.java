package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridgov.common.FieldProblem;
import org.gridgov.region.RegionApi;
import org.gridgov.registry.ResidentKind;
import org.springframework.stereotype.Component;

/**
 * The rules a resident must meet, the same for a form and for every row of an import: required fields, the ID
 * number's check character and what it says of birth date and sex, codes from their sets, the grid and the
 * registered region, and the fields of the resident's kind.
 */
@Component
class ResidentRules {

    /** Spaces and dashes people type inside phone numbers. */
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s-]");

    /** A mobile (11 digits from 1) or a landline with its area code (from 0). */
    private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{9,11}");

    /** A resident that met the rules, with the sex and birth date taken from the ID number where left out. */
    record Checked(
            String gridCode,
            String name,
            IdNumber idNumber,
            String sex,
            String ethnicity,
            LocalDate birthDate,
            String registeredRegion,
            String registeredAddress,
            String currentAddress,
            Long houseId,
            Long householdId,
            String relationToHead,
            String phone,
            String education,
            String politicalStatus,
            String religion,
            String occupation,
            String employer,
            ResidentKind kind,
            Map<String, String> kindDetails,
            List<String> tags) {}

    /** The outcome: either a checked resident or what was wrong, field by field. */
    record Outcome(Checked resident, List<FieldProblem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final Set<String> SEXES = Set.of("0", "1", "2", "9");

    private static final Map<ResidentKind, Set<String>> KIND_FIELDS = Map.of(
            ResidentKind.REGISTERED, Set.of(),
            ResidentKind.FLOATING, Set.of("inflowReason", "registeredOn", "permitNumber", "permitExpiresOn"),
            ResidentKind.FOREIGN,
                    Set.of("documentType", "documentNumber", "stayPurpose", "arrivedOn", "expectedDepartureOn"),
            ResidentKind.LEFT_BEHIND, Set.of("leftBehindType"));

    private final CodeSets codes;
    private final RegionApi regions;
    private final Clock clock;

    ResidentRules(CodeSets codes, RegionApi regions, Clock clock) {
        this.codes = codes;
        this.regions = regions;
        this.clock = clock;
    }

    Outcome check(ResidentDraft d) {
        return check(d, code -> regions.currentGrid(code).isPresent());
    }

    /**
     * Checks a draft with a given test of whether a grid exists, so that an import of many rows in few grids can ask
     * the region module once per grid rather than once per row.
     */
    Outcome check(ResidentDraft d, java.util.function.Predicate<String> gridExists) {
        var errors = new ArrayList<FieldProblem>();
        String name = trim(d.name());
        if (name == null || name.length() > 50) {
            errors.add(new FieldProblem("name", "required", "姓名必填，不超过 50 字", "name is required, at most 50"));
        }
        String gridCode = trim(d.gridCode());
        if (gridCode == null) {
            errors.add(new FieldProblem("gridCode", "required", "所属网格必填", "gridCode is required"));
        } else if (!gridExists.test(gridCode)) {
            errors.add(new FieldProblem("gridCode", "unknown", "网格 " + gridCode + " 不存在", "unknown grid " + gridCode));
        }
        var kind = d.kind() == null ? ResidentKind.REGISTERED : d.kind();
        IdNumber id = null;
        String idText = trim(d.idNumber());
        if (idText == null) {
            if (kind != ResidentKind.FOREIGN) {
                errors.add(new FieldProblem("idNumber", "required", "身份证号必填（境外人员除外）", "idNumber is required"));
            }
        } else {
            try {
                id = IdNumber.parse(idText, LocalDate.ofInstant(clock.instant(), GroupDesk.CHINA));
            } catch (IdNumber.Invalid e) {
                errors.add(new FieldProblem("idNumber", e.fault.code(), e.fault.zh, e.fault.en));
            }
        }
        // Without an ID number at all (a foreign resident) the sex must be given; when the number is missing or
        // wrong, that is the fault to report, and a sex left out waiting to be taken from it is none.
        boolean sexComesFromId = idText != null || kind != ResidentKind.FOREIGN;
        String sex = trim(d.sex());
        LocalDate birth = d.birthDate();
        if (id != null) {
            if (sex != null && !sex.equals(String.valueOf(id.sex()))) {
                errors.add(new FieldProblem("sex", "mismatch", "性别与身份证号不符", "sex does not match the ID number"));
            }
            if (birth != null && !birth.equals(id.birthDate())) {
                errors.add(new FieldProblem(
                        "birthDate", "mismatch", "出生日期与身份证号不符", "birthDate does not match the ID number"));
            }
            sex = String.valueOf(id.sex());
            birth = id.birthDate();
        } else if (sex == null) {
            if (!sexComesFromId) {
                errors.add(new FieldProblem("sex", "required", "无身份证号时性别必填", "sex is required without an ID number"));
            }
        } else if (!SEXES.contains(sex)) {
            errors.add(new FieldProblem("sex", "unknown-value", "性别须为 0、1、2 或 9", "sex must be 0, 1, 2 or 9"));
        }
        code(errors, "ethnicity", "ETHNICITY", d.ethnicity(), "民族");
        code(errors, "relationToHead", "RELATION", d.relationToHead(), "与户主关系");
        code(errors, "education", "EDUCATION", d.education(), "学历");
        code(errors, "politicalStatus", "POLITICAL_STATUS", d.politicalStatus(), "政治面貌");
        String registeredRegion = trim(d.registeredRegion());
        if (registeredRegion != null && regions.divisionName(registeredRegion).isEmpty()) {
            errors.add(new FieldProblem(
                    "registeredRegion",
                    "unknown",
                    "户籍地区划代码 " + registeredRegion + " 不存在",
                    "unknown region code " + registeredRegion));
        }
        String phone = trim(d.phone());
        if (phone != null) {
            phone = PHONE_SEPARATORS.matcher(phone).replaceAll("");
            if (!PHONE.matcher(phone).matches()) {
                errors.add(new FieldProblem(
                        "phone", "format", "联系电话须为 11 位手机号或带区号的固定电话", "phone must be a mobile or landline number"));
            }
        }
        var details = kindDetails(kind, d.kindDetails(), errors);
        var tags = d.tags() == null
                ? List.<String>of()
                : d.tags().stream()
                        .map(ResidentRules::trim)
                        .filter(t -> t != null)
                        .distinct()
                        .toList();
        if (tags.stream().anyMatch(t -> t.length() > 30) || tags.size() > 20) {
            errors.add(new FieldProblem("tags", "too-long", "标签至多 20 个，每个不超过 30 字", "at most 20 tags of 30"));
        }
        for (var field : List.of(
                new String[] {"registeredAddress", d.registeredAddress()},
                new String[] {"currentAddress", d.currentAddress()},
                new String[] {"occupation", d.occupation()},
                new String[] {"employer", d.employer()},
                new String[] {"religion", d.religion()})) {
            if (field[1] != null && field[1].length() > 200) {
                errors.add(new FieldProblem(field[0], "too-long", "不超过 200 字", field[0] + " is at most 200"));
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        return new Outcome(
                new Checked(
                        gridCode,
                        name,
                        id,
                        sex,
                        trim(d.ethnicity()),
                        birth,
                        registeredRegion,
                        trim(d.registeredAddress()),
                        trim(d.currentAddress()),
                        d.houseId(),
                        d.householdId(),
                        trim(d.relationToHead()),
                        phone,
                        trim(d.education()),
                        trim(d.politicalStatus()),
                        trim(d.religion()),
                        trim(d.occupation()),
                        trim(d.employer()),
                        kind,
                        details,
                        tags),
                List.of());
    }

    private Map<String, String> kindDetails(ResidentKind kind, Map<String, String> given, List<FieldProblem> errors) {
        var out = new LinkedHashMap<String, String>();
        if (given != null) {
            given.forEach((key, value) -> {
                if (trim(value) == null) {
                    return;
                }
                if (!KIND_FIELDS.get(kind).contains(key)) {
                    errors.add(new FieldProblem(
                            "kindDetails." + key,
                            "not-for-kind",
                            "该字段不属于" + kind.label(),
                            key + " is not a field of " + kind));
                    return;
                }
                out.put(key, value.strip());
            });
        }
        switch (kind) {
            case FLOATING -> {
                code(errors, "kindDetails.inflowReason", "INFLOW_REASON", out.get("inflowReason"), "流入原因");
                date(errors, out, "registeredOn", "登记日期");
                date(errors, out, "permitExpiresOn", "居住证到期日期");
            }
            case FOREIGN -> {
                if (out.get("documentType") == null || out.get("documentNumber") == null) {
                    errors.add(new FieldProblem(
                            "kindDetails.documentNumber",
                            "required",
                            "境外人员须填证件类型和证件号码",
                            "a foreign resident needs documentType and documentNumber"));
                }
                code(errors, "kindDetails.documentType", "DOCUMENT_TYPE", out.get("documentType"), "证件类型");
                code(errors, "kindDetails.stayPurpose", "STAY_PURPOSE", out.get("stayPurpose"), "来华目的");
                var arrived = date(errors, out, "arrivedOn", "抵达日期");
                var leaving = date(errors, out, "expectedDepartureOn", "预计离开日期");
                if (arrived != null && leaving != null && leaving.isBefore(arrived)) {
                    errors.add(new FieldProblem(
                            "kindDetails.expectedDepartureOn",
                            "before-arrival",
                            "预计离开日期早于抵达日期",
                            "expectedDepartureOn is before arrivedOn"));
                }
            }
            case LEFT_BEHIND ->
                code(errors, "kindDetails.leftBehindType", "LEFT_BEHIND_TYPE", out.get("leftBehindType"), "留守类型");
            case REGISTERED -> {}
        }
        return out;
    }

    private void code(List<FieldProblem> errors, String field, String set, String value, String label) {
        String v = trim(value);
        if (v != null && !codes.has(set, v)) {
            errors.add(new FieldProblem(
                    field, "unknown-value", label + "代码 " + v + " 不存在", "unknown " + set + " code " + v));
        }
    }

    private static LocalDate date(List<FieldProblem> errors, Map<String, String> details, String key, String label) {
        String v = details.get(key);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(
                    "kindDetails." + key, "date-format", label + "须为 yyyy-MM-dd", key + " must be yyyy-MM-dd"));
            return null;
        }
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
