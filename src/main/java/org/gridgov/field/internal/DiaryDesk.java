package org.gridgov.field.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.common.FieldInput;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.field.DiaryCommand;
import org.gridgov.field.DiaryEntry;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.photo.PhotoContent;
import org.gridgov.photo.PhotoStore;
import org.gridgov.photo.StoredPhoto;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The field diary (民情日志): one entry a day per worker, with photos and an optional place. Its author may change it
 * on its day; from the next day on it is closed, so what a supervisor read stays what was written. Supervisors read
 * the entries of the grids in their scope.
 */
@Service
@Transactional
class DiaryDesk {

    /** The owner type of diary photos in the photo store. */
    static final String PHOTOS = "field-diary";

    /** How many days back an entry may be sent, for one written without a network and sent later. */
    static final int LATE_DAYS = 7;

    private static final int MAX_TEXT = 2000;

    private final DiaryRepository diary;
    private final PhotoStore photos;
    private final WorkerGrids workerGrids;
    private final FieldScope scope;
    private final RegionApi regions;
    private final CurrentUsers users;
    private final FieldDays days;

    DiaryDesk(
            DiaryRepository diary,
            PhotoStore photos,
            WorkerGrids workerGrids,
            FieldScope scope,
            RegionApi regions,
            CurrentUsers users,
            FieldDays days) {
        this.diary = diary;
        this.photos = photos;
        this.workerGrids = workerGrids;
        this.scope = scope;
        this.regions = regions;
        this.users = users;
        this.days = days;
    }

    /** An entry, and whether this request made it (false: a resend of one made before). */
    record Written(DiaryEntry entry, boolean created) {}

    /** A photo for an entry to take, kept in the county of the caller's grids. */
    StoredPhoto upload(MultipartFile file) {
        var user = users.require();
        return photos.upload(county(user, grids(user)), PHOTOS, user.id(), file);
    }

    Written write(DiaryCommand command) {
        var input = new FieldInput();
        String requestId = input.requestId(command.requestId());
        var fields = text(input, command);
        LocalDate today = days.today();
        LocalDate day = command.day() == null ? today : command.day();
        if (day.isAfter(today) || day.isBefore(today.minusDays(LATE_DAYS))) {
            input.add(
                    "day",
                    "range",
                    "日期须在最近 " + LATE_DAYS + " 天内且不晚于今天",
                    "day must lie within the last " + LATE_DAYS + " days, not after today");
        }
        input.refuseIfAny();

        var user = users.require();
        var grids = grids(user);
        String county = county(user, grids);
        var earlier = diary.byRequest(county, user.id(), requestId);
        if (earlier.isPresent()) {
            return new Written(entry(earlier.get(), user), false);
        }
        String grid = fields.lon() == null
                ? grids.getFirst()
                : regions.gridCodeAt(fields.lon(), fields.lat())
                        .flatMap(code -> grids.stream().filter(code::startsWith).findFirst())
                        .orElse(grids.getFirst());
        var now = days.now();
        var row = new DiaryRepository.DiaryRow(
                county,
                0,
                user.id(),
                user.realName(),
                grid,
                day,
                fields.seen(),
                fields.done(),
                fields.lon(),
                fields.lat(),
                requestId,
                1,
                now,
                now);
        var inserted = diary.insert(row);
        if (inserted.isEmpty()) {
            var resent = diary.byRequest(county, user.id(), requestId);
            if (resent.isPresent()) {
                return new Written(entry(resent.get(), user), false);
            }
            throw ProblemException.conflict(
                    "您当天已写过民情日志，请修改那一篇", "You wrote the diary of that day already; change that entry");
        }
        photos.attach(county, PHOTOS, inserted.get().id(), user.id(), command.photoIds(), "photoIds");
        return new Written(entry(inserted.get(), user), true);
    }

    /** The author changes the entry on its day, from the version they saw. */
    DiaryEntry change(long id, DiaryCommand command) {
        var input = new FieldInput();
        var fields = text(input, command);
        if (command.version() == null) {
            input.add("version", "required", "版本号必填", "version is required");
        }
        input.refuseIfAny();
        var user = users.require();
        String county = county(user, grids(user));
        var entry = diary.own(county, user.id(), id)
                .orElseThrow(() -> ProblemException.notFound("日志不存在", "No such diary entry of yours"));
        if (!entry.day().equals(days.today())) {
            throw ProblemException.conflict(
                    "民情日志只能在当天修改，" + entry.day() + " 的日志已封存",
                    "A diary entry may be changed on its day only; the entry of " + entry.day() + " is closed");
        }
        var changed = new DiaryRepository.DiaryRow(
                county,
                id,
                user.id(),
                entry.authorName(),
                entry.gridCode(),
                entry.day(),
                fields.seen(),
                fields.done(),
                fields.lon(),
                fields.lat(),
                entry.requestId(),
                entry.version(),
                entry.createdAt(),
                entry.updatedAt());
        if (!diary.change(changed, command.version(), days.now())) {
            throw ProblemException.conflict("日志已被修改，请刷新后重试", "The entry changed meanwhile; reload it");
        }
        photos.attach(county, PHOTOS, id, user.id(), command.photoIds(), "photoIds");
        return entry(diary.own(county, user.id(), id).orElseThrow(), user);
    }

    @Transactional(readOnly = true)
    PageResult<DiaryEntry> mine(LocalDate from, LocalDate to, PageQuery page) {
        var user = users.require();
        String county = county(user, workerGrids.of(user));
        var period = period(from, to);
        var rows = diary.ownPage(county, user.id(), period[0], period[1], page);
        return PageResult.of(entries(rows, user), page, diary.ownCount(county, user.id(), period[0], period[1]));
    }

    @Transactional(readOnly = true)
    PageResult<DiaryEntry> list(String region, Long author, LocalDate from, LocalDate to, PageQuery page) {
        String area = scope.region(region);
        var data = scope.data();
        var period = period(from, to);
        var rows = diary.page(author, period[0], period[1], scope.county(), area, data, page);
        long total = diary.count(author, period[0], period[1], scope.county(), area, data);
        return PageResult.of(entries(rows, users.require()), page, total);
    }

    @Transactional(readOnly = true)
    PhotoContent myPhoto(long id, long photoId) {
        var user = users.require();
        String county = county(user, workerGrids.of(user));
        diary.own(county, user.id(), id).orElseThrow(DiaryDesk::noSuchPhoto);
        return photos.content(county, PHOTOS, id, photoId).orElseThrow(DiaryDesk::noSuchPhoto);
    }

    @Transactional(readOnly = true)
    PhotoContent photo(long id, long photoId) {
        var data = scope.data();
        var entry = diary.inScope(id, scope.county(), data.prefix(), data).orElseThrow(DiaryDesk::noSuchPhoto);
        return photos.content(entry.county(), PHOTOS, id, photoId).orElseThrow(DiaryDesk::noSuchPhoto);
    }

    private record Text(String seen, String done, Double lon, Double lat) {}

    private static Text text(FieldInput input, DiaryCommand command) {
        String seen = input.text("seen", command.seen(), MAX_TEXT, true, "民情", "seen");
        String done = input.text("done", command.done(), MAX_TEXT, false, "处理情况", "done");
        boolean placed = input.point(command.lon(), command.lat(), false);
        return new Text(seen, done, placed ? command.lon() : null, placed ? command.lat() : null);
    }

    /** From and to, both included: the last 30 days by default; at most a year. */
    private LocalDate[] period(LocalDate from, LocalDate to) {
        LocalDate last = to == null ? days.today() : to;
        LocalDate first = from == null ? last.minusDays(30) : from;
        FieldInput.period(first, last);
        return new LocalDate[] {first, last};
    }

    private List<String> grids(CurrentUser user) {
        var grids = workerGrids.of(user);
        if (grids.isEmpty()) {
            throw FieldInput.rule("seen", "no-grid", "您没有负责的网格，无法写民情日志", "You serve no grid to write a diary of");
        }
        return grids;
    }

    private static String county(CurrentUser user, List<String> grids) {
        return FieldScope.countyOf(grids.isEmpty() ? user.scopeCode() : grids.getFirst());
    }

    private DiaryEntry entry(DiaryRepository.DiaryRow row, CurrentUser caller) {
        return entries(List.of(row), caller).getFirst();
    }

    private List<DiaryEntry> entries(List<DiaryRepository.DiaryRow> rows, CurrentUser caller) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var names = regions.names(
                rows.stream().map(DiaryRepository.DiaryRow::gridCode).distinct().toList());
        Map<Long, List<StoredPhoto>> byEntry = photos.photosOf(
                rows.getFirst().county(),
                PHOTOS,
                rows.stream().map(DiaryRepository.DiaryRow::id).toList());
        LocalDate today = days.today();
        return rows.stream()
                .map(r -> new DiaryEntry(
                        r.id(),
                        r.userId(),
                        r.authorName(),
                        r.gridCode(),
                        names.get(r.gridCode()),
                        r.day(),
                        r.seen(),
                        r.done(),
                        r.lon(),
                        r.lat(),
                        byEntry.getOrDefault(r.id(), List.of()),
                        r.version(),
                        r.createdAt(),
                        r.updatedAt(),
                        r.userId() == caller.id() && r.day().equals(today)))
                .toList();
    }

    private static ProblemException noSuchPhoto() {
        return ProblemException.notFound("照片不存在", "No such photo");
    }
}
