package org.gridgov.field.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.gridgov.common.Unscoped;
import org.gridgov.field.PatrolMove;
import org.gridgov.field.PatrolStatus;
import org.gridgov.identity.StaffDirectory;
import org.gridgov.region.RegionApi;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two weeks of patrols of the demo grid workers of 杨寨镇: on most working days one patrol of 30 to 60 minutes in one
 * of their grids, walking at 1.0–1.4 m/s between random places inside the grid with a point every 30 s, some with a
 * pause, a blurred point now and then; the demo grid worker every working day. Figures worked out as for a real stop.
 * Deterministic; created once.
 */
@Component
@Order(90)
@Unscoped("loads the demo patrols at start-up, when there is no caller")
class DemoPatrols implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPatrols.class);
    private static final String TOWNSHIP = "421381101";
    private static final int DAYS = 14;
    private static final GeometryFactory DEGREES = new GeometryFactory();

    private final PatrolRepository patrols;
    private final TrackRepository tracks;
    private final StaffDirectory staff;
    private final RegionApi regions;
    private final PatrolSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean enabled;

    DemoPatrols(
            PatrolRepository patrols,
            TrackRepository tracks,
            StaffDirectory staff,
            RegionApi regions,
            PatrolSettings settings,
            Clock clock,
            @Value("${gridgov.event.calendar.zone:Asia/Shanghai}") ZoneId zone,
            @Value("${gridgov.demo.enabled:false}") boolean enabled) {
        this.patrols = patrols;
        this.tracks = tracks;
        this.staff = staff;
        this.regions = regions;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || patrols.any()) {
            return;
        }
        long began = System.nanoTime();
        var random = new Random(20261203L);
        var outlines = new HashMap<String, Grid>();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int count = 0;
        long points = 0;
        for (var worker : staff.gridWorkersUnder(TOWNSHIP)) {
            if (worker.gridCodes().isEmpty()) {
                continue;
            }
            // The demo accounts that cover two grids (grid.worker) patrol every working day.
            boolean everyDay = worker.gridCodes().size() > 1;
            for (int back = DAYS; back >= 1; back--) {
                LocalDate day = today.minusDays(back);
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                if (!everyDay && random.nextInt(10) < 4) {
                    continue;
                }
                String code =
                        worker.gridCodes().get(random.nextInt(worker.gridCodes().size()));
                var grid = outlines.computeIfAbsent(code, this::grid);
                if (grid == null) {
                    continue;
                }
                points += patrol(worker.id(), worker.realName(), grid, day, random);
                count++;
            }
        }
        log.info(
                "Demo patrols created: {} patrols, {} track points ({} ms)",
                count,
                points,
                (System.nanoTime() - began) / 1_000_000);
    }

    /** A grid's outline, prepared for picking places inside it. */
    private record Grid(String code, Geometry outline, PreparedGeometry inside) {}

    private Grid grid(String code) {
        return regions.currentOutline(code)
                .map(o -> new Grid(code, o, PreparedGeometryFactory.prepare(o)))
                .orElse(null);
    }

    private int patrol(long userId, String name, Grid grid, LocalDate day, Random random) {
        String county = grid.code().substring(0, 6);
        LocalTime at =
                random.nextBoolean() ? LocalTime.of(9, random.nextInt(60)) : LocalTime.of(14, 30 + random.nextInt(30));
        Instant start = day.atTime(at).atZone(zone).toInstant();
        int minutes = 30 + random.nextInt(31);
        long id = patrols.insert(county, "demo-" + userId + "-" + day, userId, name, grid.code(), start)
                .orElseThrow();
        patrols.appendStep(county, id, PatrolMove.START, start);
        // A pause of 10 minutes in the middle of one patrol in four.
        Instant pauseFrom = null;
        Instant pauseTo = null;
        if (random.nextInt(4) == 0) {
            pauseFrom = start.plusSeconds(minutes * 30L);
            pauseTo = pauseFrom.plusSeconds(600);
            patrols.appendStep(county, id, PatrolMove.PAUSE, pauseFrom);
            patrols.appendStep(county, id, PatrolMove.RESUME, pauseTo);
        }
        long pausedMs = pauseFrom == null ? 0 : 600_000;
        Instant stop = start.plusSeconds(minutes * 60L + pausedMs / 1000);
        patrols.appendStep(county, id, PatrolMove.STOP, stop);

        var steps = walk(grid, start, stop, pauseFrom, pauseTo, random);
        var pauses = pauseFrom == null ? List.<TrackWalk.Span>of() : List.of(new TrackWalk.Span(pauseFrom, pauseTo));
        var walk = TrackWalk.walk(null, steps, pauses, start, stop, settings.limits());
        var stored = new ArrayList<TrackRepository.Stored>(steps.size());
        var counted = new ArrayList<double[]>();
        for (int i = 0; i < steps.size(); i++) {
            stored.add(new TrackRepository.Stored(steps.get(i), walk.flags()[i]));
            if (walk.flags()[i] == TrackWalk.COUNTED) {
                counted.add(new double[] {steps.get(i).lon(), steps.get(i).lat()});
            }
        }
        tracks.insert(county, id, stored);
        var row = new PatrolRow(
                county,
                id,
                null,
                userId,
                name,
                grid.code(),
                PatrolStatus.STOPPED,
                start,
                null,
                stop,
                pausedMs,
                0,
                null,
                0,
                null,
                null,
                null,
                null,
                null);
        patrols.save(row.tracked(
                walk.metres(),
                PatrolCoverage.coverage(grid.outline(), counted, settings.cellSize(), settings.coverageRadius()),
                steps.size(),
                steps.isEmpty() ? null : steps.getLast().seq(),
                walk.tip()));
        return steps.size();
    }

    /** Points every 30 s walking between random places inside the grid, none during the pause. */
    private List<TrackWalk.Step> walk(
            Grid grid, Instant start, Instant stop, Instant pauseFrom, Instant pauseTo, Random random) {
        var env = grid.outline().getEnvelopeInternal();
        double metresPerLat = Math.toRadians(1) * TrackWalk.EARTH_RADIUS;
        double metresPerLon = metresPerLat * Math.cos(Math.toRadians(env.centre().y));
        double[] here = place(grid, random);
        double[] target = place(grid, random);
        var steps = new ArrayList<TrackWalk.Step>();
        int seq = 0;
        for (Instant t = start; !t.isAfter(stop); t = t.plusSeconds(30)) {
            if (pauseFrom != null && t.isAfter(pauseFrom) && t.isBefore(pauseTo)) {
                continue;
            }
            double dx = (target[0] - here[0]) * metresPerLon;
            double dy = (target[1] - here[1]) * metresPerLat;
            double left = Math.hypot(dx, dy);
            double stride = 30 * (1.0 + random.nextDouble() * 0.4);
            if (left <= stride) {
                here = target;
                target = place(grid, random);
            } else {
                here = new double[] {
                    here[0] + dx / left * stride / metresPerLon, here[1] + dy / left * stride / metresPerLat
                };
            }
            int accuracy = random.nextInt(40) == 0 ? 150 : 5 + random.nextInt(15);
            double jitterX = random.nextGaussian() * 3 / metresPerLon;
            double jitterY = random.nextGaussian() * 3 / metresPerLat;
            steps.add(new TrackWalk.Step(seq++, t, here[0] + jitterX, here[1] + jitterY, accuracy));
        }
        return steps;
    }

    private static double[] place(Grid grid, Random random) {
        var env = grid.outline().getEnvelopeInternal();
        for (int tries = 0; tries < 200; tries++) {
            double lon = env.getMinX() + random.nextDouble() * env.getWidth();
            double lat = env.getMinY() + random.nextDouble() * env.getHeight();
            if (grid.inside().contains(DEGREES.createPoint(new Coordinate(lon, lat)))) {
                return new double[] {lon, lat};
            }
        }
        var centre = grid.outline().getInteriorPoint().getCoordinate();
        return new double[] {centre.x, centre.y};
    }
}
