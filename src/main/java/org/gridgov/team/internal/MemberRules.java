package org.gridgov.team.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.gridgov.team.Employment;
import org.gridgov.team.MemberCommand;
import org.gridgov.team.Position;

/**
 * The rules a member's form must meet, field by field: a known position, the employment it fixes or one chosen,
 * a name (or an account to take it from), a phone a person can dial, texts within their lengths, dates within the
 * years a record may name and in order. Whether the position is free and the account may be linked is the desk's to
 * check, against what is stored.
 */
final class MemberRules {

    static final int NAME = 50;
    static final int DUTIES = 500;
    static final int NOTE = 200;

    /** A mobile (11 digits from 1) or a landline with its area code (from 0). */
    private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{9,11}");

    /** What people type inside phone numbers: spaces, dashes, brackets around the area code. */
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-()]");

    /**
     * A form that met the rules.
     *
     * @param name null when the linked account is to give it
     * @param phone digits only, null for none
     * @param from the first day: of the member (adding) or of the new version (changing)
     */
    record Checked(
            Position position,
            Employment employment,
            String name,
            String phone,
            String duties,
            Long userId,
            LocalDate from,
            LocalDate to,
            String note) {}

    private MemberRules() {}

    /**
     * Checks a form to add ({@code adding}) or change a member, or refuses it (400) naming every field at fault.
     *
     * @param phone the phone as meant: the stored one where the form sent back its mask
     */
    static Checked check(
            MemberCommand c, String phone, Map<String, Position> positions, boolean adding, LocalDate today) {
        var fields = new FormFields();
        String code = fields.text("positionCode", c.positionCode(), 32, true, "岗位", "positionCode");
        Position position = code == null ? null : positions.get(code);
        if (code != null && position == null) {
            fields.add("positionCode", "unknown-value", "没有这个岗位：" + code, "positionCode has no position " + code);
        }
        Employment employment = c.employment();
        if (position != null && position.employment() != null) {
            if (employment != null && employment != position.employment()) {
                fields.add(
                        "employment",
                        "mismatch",
                        position.name() + "须为" + position.employment().label(),
                        "employment of a " + position.nameEn() + " must be "
                                + position.employment().name());
            }
            employment = position.employment();
        } else if (employment == null) {
            fields.add("employment", "required", "专职或兼职必填", "employment is required");
        }
        String name = fields.text("name", c.name(), NAME, c.userId() == null, "姓名", "name");
        String dialled = checkedPhone(fields, phone);
        String duties = fields.text("duties", c.duties(), DUTIES, false, "职责", "duties");
        String note = fields.text("note", c.note(), NOTE, false, "变更说明", "note");
        if (c.userId() != null && c.userId() <= 0) {
            fields.add("userId", "range", "账号不存在", "userId names no account");
        }
        LocalDate from = adding
                ? fields.date("validFrom", c.validFrom(), today, "任职日期", "validFrom")
                : fields.date("effectiveFrom", c.effectiveFrom(), today, "变更生效日期", "effectiveFrom");
        LocalDate to = fields.date("validTo", c.validTo(), null, "离任日期", "validTo");
        fields.inOrder("validTo", from, to, "离任日期", "validTo");
        if (!adding && c.version() == null) {
            fields.add("version", "required", "版本号必填（请刷新后重试）", "version is required");
        }
        fields.refuseIfAny();
        return new Checked(position, employment, name, dialled, duties, c.userId(), from, to, note);
    }

    /** The phone's digits, or null for none; a problem when it is no mobile nor landline number. */
    private static String checkedPhone(FormFields fields, String phone) {
        String text = fields.text("phone", phone, 30, false, "联系电话", "phone");
        if (text == null) {
            return null;
        }
        String digits = PHONE_SEPARATORS
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFKC))
                .replaceAll("");
        if (!PHONE.matcher(digits).matches()) {
            fields.add("phone", "format", "联系电话须为 11 位手机号或带区号的固定电话", "phone must be a mobile or landline number");
            return null;
        }
        return digits;
    }
}
