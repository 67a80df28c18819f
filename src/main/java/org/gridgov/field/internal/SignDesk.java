package org.gridgov.field.internal;

import java.util.List;
import java.util.Optional;
import org.gridgov.common.FieldInput;
import org.gridgov.common.Unscoped;
import org.gridgov.field.DayAttendance;
import org.gridgov.field.SignCommand;
import org.gridgov.field.SignRecord;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in and sign-out (签到 / 签退): the worker's point, the server's time, and whether the point lies in one of the
 * worker's grids. A resent request id answers the first record and adds none.
 */
@Service
@Transactional
@Unscoped("a worker records and reads back only their own sign-ins, by account")
class SignDesk {

    /** How far a phone's clock may run ahead, and how long a record may wait on a phone that is offline. */
    private static final java.time.Duration OFFLINE_CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    private static final java.time.Duration OFFLINE_LIMIT = java.time.Duration.ofDays(3);

    private final SignRepository signs;
    private final WorkerGrids workerGrids;
    private final RegionApi regions;
    private final CurrentUsers users;
    private final FieldDays days;

    SignDesk(SignRepository signs, WorkerGrids workerGrids, RegionApi regions, CurrentUsers users, FieldDays days) {
        this.signs = signs;
        this.workerGrids = workerGrids;
        this.regions = regions;
        this.users = users;
        this.days = days;
    }

    /** A record, and whether this request made it (false: a resend of one made before). */
    record Signed(SignRecord record, boolean created) {}

    Signed sign(SignCommand command) {
        var input = new FieldInput();
        if (command.kind() == null) {
            input.add("kind", "required", "请选择签到或签退", "kind (IN or OUT) is required");
        }
        input.point(command.lon(), command.lat(), true);
        Double accuracy = input.accuracy(command.accuracy());
        String device = input.text("device", command.device(), 100, false, "设备", "device");
        String requestId = input.requestId(command.requestId());
        input.refuseIfAny();

        CurrentUser user = users.require();
        List<String> grids = workerGrids.of(user);
        if (grids.isEmpty()) {
            throw FieldInput.rule("kind", "no-grid", "您没有负责的网格，无法签到", "You serve no grid to sign in for");
        }
        String county = FieldScope.countyOf(grids.getFirst());
        var earlier = signs.byRequest(county, user.id(), requestId);
        if (earlier.isPresent()) {
            return new Signed(named(earlier.get()), false);
        }
        var now = days.now();
        var at = takenAt(command.takenAt(), now);
        var today = days.dayOf(at);
        if (signs.ownDay(county, user.id(), today).size() >= DayAttendance.MAX_RECORDS) {
            throw FieldInput.rule(
                    "kind",
                    "too-many",
                    "今天的签到签退已达 " + DayAttendance.MAX_RECORDS + " 次",
                    "At most " + DayAttendance.MAX_RECORDS + " sign-ins and sign-outs a day");
        }
        Optional<String> located = regions.gridCodeAt(command.lon(), command.lat());
        Optional<String> own =
                located.flatMap(code -> grids.stream().filter(code::startsWith).findFirst());
        var row = new SignRepository.NewSign(
                county,
                user.id(),
                user.realName(),
                command.kind(),
                at,
                now,
                today,
                command.lon(),
                command.lat(),
                accuracy,
                device,
                own.orElse(grids.getFirst()),
                located.orElse(null),
                own.isPresent(),
                requestId);
        // Two copies of one request may race: the second finds the first's row.
        return signs.insert(row)
                .map(record -> new Signed(named(record), true))
                .orElseGet(() -> new Signed(
                        named(signs.byRequest(county, user.id(), requestId).orElseThrow()), false));
    }

    /**
     * The time a record counts at: now, or the phone's time of a tap made offline. A phone's clock may run a little
     * fast; a record older than three days is no longer a day's attendance but a correction, which is not made here.
     */
    private static java.time.Instant takenAt(java.time.Instant takenAt, java.time.Instant now) {
        if (takenAt == null) {
            return now;
        }
        if (takenAt.isAfter(now.plus(OFFLINE_CLOCK_SKEW))) {
            throw FieldInput.rule("takenAt", "future", "签到时间晚于现在，请校准手机时间", "takenAt lies in the future");
        }
        if (takenAt.isBefore(now.minus(OFFLINE_LIMIT))) {
            throw FieldInput.rule(
                    "takenAt", "too-old", "离线签到超过 3 天，不再补录", "an offline record older than three days is not taken");
        }
        return takenAt.isAfter(now) ? now : takenAt;
    }

    private SignRecord named(SignRecord record) {
        return Attendance.named(record, regions.names(List.of(record.gridCode())));
    }
}
