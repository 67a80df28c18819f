package org.gridgov.field.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.field.Patrol;
import org.gridgov.field.PatrolCommand;
import org.gridgov.field.PatrolFigures;
import org.gridgov.field.PatrolFinished;
import org.gridgov.field.PatrolMove;
import org.gridgov.field.PatrolMoved;
import org.gridgov.field.PatrolStatus;
import org.gridgov.field.PatrolTrack;
import org.gridgov.field.TrackCommand;
import org.gridgov.region.RegionApi;
import org.gridgov.region.RegionLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrols: a worker starts one in one of their grids, sends its track in batches, pauses, resumes and stops it; the
 * figures run along and are worked out again in full at the stop. Supervisors read the patrols of their scope.
 */
@Service
@Transactional
class PatrolDesk {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final PatrolRepository patrols;
    private final TrackRepository tracks;
    private final PatrolScope scope;
    private final RegionApi regions;
    private final PatrolSettings settings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ZoneId zone;

    PatrolDesk(
            PatrolRepository patrols,
            TrackRepository tracks,
            PatrolScope scope,
            RegionApi regions,
            PatrolSettings settings,
            ApplicationEventPublisher publisher,
            Clock clock,
            @Value("${gridgov.event.calendar.zone:Asia/Shanghai}") ZoneId zone) {
        this.patrols = patrols;
        this.tracks = tracks;
        this.scope = scope;
        this.regions = regions;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
        this.zone = zone;
    }

    /** A start answered: the patrol, and whether this request started it (false for a resent start). */
    record Started(Patrol patrol, boolean created) {}

    /**
     * What an upload did.
     *
     * @param received the points in the batch
     * @param stored the points stored now; the others had arrived before
     * @param maxSeq the highest sequence number the patrol has: the device may forget every point up to it it sent
     */
    record Uploaded(int received, int stored, Integer maxSeq, double distanceMetres, long movingSeconds) {}

    Started start(PatrolCommand command) {
        var me = scope.me();
        String requestId = requestId(command.requestId());
        String grid = scope.gridToPatrol(command.gridCode());
        var summary = regions.currentGrid(grid)
                .filter(g -> g.level() == RegionLevel.GRID)
                .orElseThrow(() -> ProblemException.unprocessable(
                        "只能在现有网格中巡查",
                        "A patrol is made in a current grid",
                        List.of(new FieldProblem("gridCode", "not-a-grid", "不是现有网格", "not a current grid"))));
        String county = grid.substring(0, 6);
        var earlier = patrols.byRequest(county, me.id(), requestId);
        if (earlier.isPresent()) {
            return new Started(view(earlier.get(), false), false);
        }
        patrols.open(county, me.id()).ifPresent(open -> {
            throw ProblemException.conflict(
                    "您有一次巡查尚未结束（编号 " + open.id() + "）", "Patrol " + open.id() + " is still open: stop it first");
        });
        Instant now = clock.instant();
        long id;
        try {
            id = patrols.insert(county, requestId, me.id(), me.realName(), summary.code(), now)
                    .orElseThrow(() -> new IllegalStateException("request id " + requestId + " vanished"));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("您有一次巡查尚未结束", "Another patrol of yours is still open");
        }
        patrols.appendStep(county, id, PatrolMove.START, now);
        publisher.publishEvent(new PatrolMoved(id, grid, me.id(), PatrolMove.START, now));
        return new Started(view(lockOwn(id), false), true);
    }

    /** The caller's open patrol, if any, for a phone coming back to the page. */
    @Transactional(readOnly = true)
    java.util.Optional<Patrol> current() {
        var me = scope.me();
        return patrols.open(scope.ownCounty(), me.id()).map(p -> view(p, false));
    }

    Uploaded upload(long id, TrackCommand command) {
        var steps = points(command);
        var patrol = lockOwn(id);
        if (patrol.status() == PatrolStatus.STOPPED) {
            throw ProblemException.conflict("巡查已结束，不再接收轨迹", "The patrol has stopped: no more points");
        }
        int before = patrol.pointCount();
        patrol = add(patrol, steps);
        patrols.save(patrol);
        return new Uploaded(
                steps.size(),
                patrol.pointCount() - before,
                patrol.maxSeq(),
                patrol.distanceMetres(),
                patrol.movingSeconds(clock.instant()));
    }

    /** Stores the points not stored yet, walking them on from the patrol's tip; answers the patrol with them. */
    private PatrolRow add(PatrolRow patrol, List<TrackWalk.Step> steps) {
        if (steps.isEmpty()) {
            return patrol;
        }
        Set<Integer> known = patrol.maxSeq() != null && steps.getFirst().seq() <= patrol.maxSeq()
                ? tracks.stored(
                        patrol.countyCode(),
                        patrol.id(),
                        steps.getFirst().seq(),
                        steps.getLast().seq())
                : Set.of();
        var fresh = steps.stream().filter(s -> !known.contains(s.seq())).toList();
        if (fresh.isEmpty()) {
            return patrol;
        }
        var pauses = patrol.pausedMs() > 0 || patrol.pausedAt() != null
                ? patrols.pauses(patrol.countyCode(), patrol.id())
                : List.<TrackWalk.Span>of();
        var walk = TrackWalk.walk(patrol.tip(), fresh, pauses, patrol.startedAt(), clock.instant(), settings.limits());
        var stored = new ArrayList<TrackRepository.Stored>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            stored.add(new TrackRepository.Stored(fresh.get(i), walk.flags()[i]));
        }
        int added = tracks.insert(patrol.countyCode(), patrol.id(), stored);
        int maxSeq = Math.max(
                patrol.maxSeq() == null ? -1 : patrol.maxSeq(), fresh.getLast().seq());
        return patrol.tracked(
                patrol.distanceMetres() + walk.metres(),
                patrol.coverage(),
                patrol.pointCount() + added,
                maxSeq,
                walk.tip() != null ? walk.tip() : patrol.tip());
    }

    Patrol pause(long id) {
        var patrol = lockOwn(id);
        var to = patrol.after(PatrolMove.PAUSE);
        Instant now = clock.instant();
        return moved(patrol, PatrolMove.PAUSE, patrol.moved(to, now, null, patrol.pausedMs()), now);
    }

    Patrol resume(long id) {
        var patrol = lockOwn(id);
        var to = patrol.after(PatrolMove.RESUME);
        Instant now = clock.instant();
        return moved(patrol, PatrolMove.RESUME, patrol.moved(to, null, null, pausedUntil(patrol, now)), now);
    }

    /** Stops a patrol, storing a last batch of points first, and works its figures out in full. */
    Patrol stop(long id, TrackCommand last) {
        var steps = last == null || last.points() == null ? List.<TrackWalk.Step>of() : points(last);
        var patrol = lockOwn(id);
        var to = patrol.after(PatrolMove.STOP);
        patrol = add(patrol, steps);
        Instant now = clock.instant();
        var stopped = patrol.moved(to, null, now, pausedUntil(patrol, now));
        patrols.appendStep(stopped.countyCode(), id, PatrolMove.STOP, now);
        stopped = walked(stopped, now);
        patrols.save(stopped);
        publisher.publishEvent(new PatrolMoved(id, stopped.gridCode(), stopped.userId(), PatrolMove.STOP, now));
        publisher.publishEvent(new PatrolFinished(
                id,
                stopped.gridCode(),
                stopped.userId(),
                stopped.startedAt(),
                now,
                stopped.distanceMetres(),
                stopped.movingSeconds(now),
                stopped.coverage()));
        return view(stopped, true);
    }

    private Patrol moved(PatrolRow before, PatrolMove move, PatrolRow after, Instant now) {
        patrols.appendStep(after.countyCode(), after.id(), move, now);
        patrols.save(after);
        publisher.publishEvent(new PatrolMoved(after.id(), after.gridCode(), after.userId(), move, now));
        return view(after, false);
    }

    private static long pausedUntil(PatrolRow patrol, Instant now) {
        return patrol.pausedAt() == null
                ? patrol.pausedMs()
                : patrol.pausedMs() + Duration.between(patrol.pausedAt(), now).toMillis();
    }

    /** The whole track walked again in order (late points now in their place), flags corrected, with coverage. */
    private PatrolRow walked(PatrolRow patrol, Instant end) {
        var all = tracks.all(patrol.countyCode(), patrol.id());
        var walk = TrackWalk.walk(
                null,
                all.stream().map(TrackRepository.Stored::step).toList(),
                patrols.pauses(patrol.countyCode(), patrol.id()),
                patrol.startedAt(),
                end,
                settings.limits());
        var changed = new ArrayList<TrackRepository.Stored>();
        var counted = new ArrayList<double[]>();
        for (int i = 0; i < all.size(); i++) {
            var point = all.get(i);
            if (point.flag() != walk.flags()[i]) {
                changed.add(new TrackRepository.Stored(point.step(), walk.flags()[i]));
            }
            if (walk.flags()[i] == TrackWalk.COUNTED) {
                counted.add(new double[] {point.step().lon(), point.step().lat()});
            }
        }
        tracks.reflag(patrol.countyCode(), patrol.id(), changed);
        return patrol.tracked(
                walk.metres(), coverage(patrol.gridCode(), counted), all.size(), patrol.maxSeq(), walk.tip());
    }

    private Double coverage(String grid, List<double[]> counted) {
        return regions.currentOutline(grid)
                .map(outline ->
                        PatrolCoverage.coverage(outline, counted, settings.cellSize(), settings.coverageRadius()))
                .orElse(null);
    }

    /** The caller's own patrol, with its linked events and (while it runs) its coverage so far. */
    @Transactional(readOnly = true)
    Patrol mine(long id) {
        var me = scope.me();
        return view(patrols.own(scope.ownCounty(), id, me.id()).orElseThrow(PatrolScope::noSuchPatrol), true);
    }

    @Transactional(readOnly = true)
    PatrolTrack myTrack(long id, PageQuery page) {
        var me = scope.me();
        return track(patrols.own(scope.ownCounty(), id, me.id()).orElseThrow(PatrolScope::noSuchPatrol), page);
    }

    /** A patrol in the caller's scope, for a supervisor. */
    @Transactional(readOnly = true)
    Patrol get(long id) {
        return view(inScope(id), true);
    }

    @Transactional(readOnly = true)
    PatrolTrack track(long id, PageQuery page) {
        return track(inScope(id), page);
    }

    private PatrolRow inScope(long id) {
        return patrols.inScope(scope.county(), id, scope.data()).orElseThrow(PatrolScope::noSuchPatrol);
    }

    private PatrolTrack track(PatrolRow patrol, PageQuery page) {
        var points = tracks.page(patrol.countyCode(), patrol.id(), page);
        long total = tracks.count(patrol.countyCode(), patrol.id());
        var pauses = patrols.pauses(patrol.countyCode(), patrol.id()).stream()
                .map(p -> new PatrolTrack.Pause(p.from(), p.to()))
                .toList();
        var outline =
                regions.currentOutline(patrol.gridCode()).map(PatrolDesk::rings).orElse(List.of());
        return new PatrolTrack(view(patrol, true), PageResult.of(points, page, total), pauses, outline);
    }

    /** What a list of patrols is asked for. Days are written 2026-12-03 and count in the deployment's zone. */
    record ListQuery(String region, Long userId, LocalDate day, LocalDate from, LocalDate to) {}

    @Transactional(readOnly = true)
    PageResult<Patrol> list(ListQuery query, PageQuery page) {
        var filter = filter(query.region(), query.userId(), query.day(), query.from(), query.to());
        var rows = patrols.list(filter, scope.data(), page);
        return PageResult.of(views(rows), page, patrols.count(filter, scope.data()));
    }

    /** The caller's own patrols, newest first, on a day or all. */
    @Transactional(readOnly = true)
    PageResult<Patrol> mineList(LocalDate day, PageQuery page) {
        var me = scope.me();
        var filter = withSpan(new PatrolRepository.Filter(scope.ownCounty(), "", me.id(), null, null), day, null, null);
        var own = org.gridgov.common.DataScope.region("");
        return PageResult.of(views(patrols.list(filter, own, page)), page, patrols.count(filter, own));
    }

    @Transactional(readOnly = true)
    PageResult<PatrolFigures> figures(
            PatrolFigures.By by, String region, LocalDate from, LocalDate to, PageQuery page) {
        if (by == null) {
            throw ProblemException.invalid("by", "required", "须指定统计对象", "by is required: WORKER, GRID or VILLAGE");
        }
        var filter = filter(region, null, null, from, to);
        var rows = patrols.figures(by, filter, scope.data(), page);
        if (by != PatrolFigures.By.WORKER) {
            var names = regions.names(rows.stream().map(PatrolFigures::code).toList());
            rows = rows.stream()
                    .map(f -> new PatrolFigures(
                            f.code(),
                            names.getOrDefault(f.code(), f.code()),
                            f.patrols(),
                            f.kilometres(),
                            f.hours(),
                            f.meanCoverage()))
                    .toList();
        }
        return PageResult.of(rows, page, patrols.countFigures(by, filter, scope.data()));
    }

    private PatrolRepository.Filter filter(String region, Long userId, LocalDate day, LocalDate from, LocalDate to) {
        String prefix = scope.region(region);
        String county = prefix.length() >= 6 ? prefix.substring(0, 6) : scope.county();
        return withSpan(new PatrolRepository.Filter(county, prefix, userId, null, null), day, from, to);
    }

    private PatrolRepository.Filter withSpan(PatrolRepository.Filter f, LocalDate day, LocalDate from, LocalDate to) {
        LocalDate first = day != null ? day : from;
        LocalDate last = day != null ? day : to;
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.invalid("to", "before-from", "结束日期早于开始日期", "to lies before from");
        }
        return new PatrolRepository.Filter(
                f.county(),
                f.prefix(),
                f.userId(),
                first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private PatrolRow lockOwn(long id) {
        var me = scope.me();
        return patrols.lockOwn(scope.ownCounty(), id, me.id()).orElseThrow(PatrolScope::noSuchPatrol);
    }

    private List<Patrol> views(List<PatrolRow> rows) {
        var names =
                regions.names(rows.stream().map(PatrolRow::gridCode).distinct().toList());
        Instant now = clock.instant();
        return rows.stream()
                .map(p -> view(p, names.getOrDefault(p.gridCode(), p.gridCode()), null, null, p.coverage(), now))
                .toList();
    }

    /** A patrol in full: its grid's name, linked events and, while it runs, its coverage so far when asked. */
    private Patrol view(PatrolRow p, boolean full) {
        String name = regions.names(List.of(p.gridCode())).getOrDefault(p.gridCode(), p.gridCode());
        Double coverage = p.coverage();
        if (full && p.status() != PatrolStatus.STOPPED) {
            var counted = tracks.all(p.countyCode(), p.id()).stream()
                    .filter(s -> s.flag() == TrackWalk.COUNTED)
                    .map(s -> new double[] {s.step().lon(), s.step().lat()})
                    .toList();
            coverage = coverage(p.gridCode(), counted);
        }
        return view(
                p,
                name,
                full ? patrols.events(p.countyCode(), p.id()) : null,
                full ? patrols.visits(p.countyCode(), p.id()) : null,
                coverage,
                clock.instant());
    }

    private static Patrol view(
            PatrolRow p,
            String gridName,
            List<Patrol.LinkedEvent> events,
            List<Patrol.LinkedVisit> visits,
            Double coverage,
            Instant now) {
        return new Patrol(
                p.id(),
                p.gridCode(),
                gridName,
                p.userId(),
                p.workerName(),
                p.status(),
                p.status().label(),
                p.startedAt(),
                p.stoppedAt(),
                Math.round(p.distanceMetres() * 10) / 10.0,
                p.movingSeconds(now),
                coverage,
                p.pointCount(),
                p.maxSeq(),
                events,
                visits);
    }

    private static String requestId(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("requestId", "required", "须提供请求号", "requestId is required");
        }
        if (!REQUEST_ID.matcher(value).matches()) {
            throw ProblemException.invalid(
                    "requestId", "format", "请求号为1至64位字母、数字或 -_.:", "requestId: 1 to 64 of A-Z a-z 0-9 - _ . :");
        }
        return value;
    }

    /** The points of a batch checked, by sequence number, each once; every field at fault named. */
    private List<TrackWalk.Step> points(TrackCommand command) {
        var points = command.points();
        if (points == null) {
            throw ProblemException.invalid("points", "required", "须提供轨迹点", "points are required");
        }
        if (points.size() > settings.batchLimit()) {
            throw ProblemException.invalid(
                    "points",
                    "too-many",
                    "一次最多上传 " + settings.batchLimit() + " 个轨迹点",
                    "At most " + settings.batchLimit() + " points per batch");
        }
        var errors = new ArrayList<FieldProblem>();
        var steps = new java.util.TreeMap<Integer, TrackWalk.Step>();
        for (int i = 0; i < points.size(); i++) {
            var p = points.get(i);
            String at = "points[" + i + "].";
            if (p == null) {
                errors.add(new FieldProblem("points[" + i + "]", "required", "轨迹点为空", "empty point"));
                continue;
            }
            int before = errors.size();
            if (p.seq() == null || p.seq() < 0) {
                errors.add(new FieldProblem(at + "seq", "range", "序号须为非负整数", "seq must be 0 or more"));
            }
            if (p.recordedAt() == null) {
                errors.add(new FieldProblem(at + "recordedAt", "required", "须提供定位时间", "recordedAt is required"));
            }
            if (p.lon() == null || !(p.lon() >= -180 && p.lon() <= 180)) {
                errors.add(new FieldProblem(at + "lon", "range", "经度应在 -180 至 180 之间", "lon must be -180 to 180"));
            }
            if (p.lat() == null || !(p.lat() >= -90 && p.lat() <= 90)) {
                errors.add(new FieldProblem(at + "lat", "range", "纬度应在 -90 至 90 之间", "lat must be -90 to 90"));
            }
            if (p.accuracy() == null || !(p.accuracy() >= 0) || p.accuracy().isInfinite()) {
                errors.add(
                        new FieldProblem(at + "accuracy", "range", "精度须为非负数（米）", "accuracy must be 0 or more metres"));
            }
            if (errors.size() == before) {
                steps.putIfAbsent(p.seq(), new TrackWalk.Step(p.seq(), p.recordedAt(), p.lon(), p.lat(), (int)
                        Math.min(Short.MAX_VALUE, Math.round(p.accuracy()))));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var ordered = new ArrayList<>(steps.values());
        ordered.sort(Comparator.comparingInt(TrackWalk.Step::seq));
        return ordered;
    }

    /** A grid's outline as GeoJSON polygon coordinates. */
    private static List<List<List<double[]>>> rings(Geometry outline) {
        var polygons = new ArrayList<List<List<double[]>>>();
        for (int i = 0; i < outline.getNumGeometries(); i++) {
            if (outline.getGeometryN(i) instanceof Polygon polygon) {
                var rings = new ArrayList<List<double[]>>();
                rings.add(ring(polygon.getExteriorRing().getCoordinates()));
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    rings.add(ring(polygon.getInteriorRingN(h).getCoordinates()));
                }
                polygons.add(rings);
            }
        }
        return polygons;
    }

    private static List<double[]> ring(org.locationtech.jts.geom.Coordinate[] coordinates) {
        var ring = new ArrayList<double[]>(coordinates.length);
        for (var c : coordinates) {
            ring.add(new double[] {c.x, c.y});
        }
        return ring;
    }
}
