package org.gridgov.field.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.common.DataScope;
import org.gridgov.common.Unscoped;
import org.gridgov.field.FieldFigure;
import org.gridgov.field.FieldSubject;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The field figures of a period per worker, grid or village, for {@link org.gridgov.field.FieldApi} and the figures
 * endpoint; the scope is the one passed in.
 */
@Component
@Unscoped(
        "serves FieldApi, whose callers pass the region they may read, and the figures endpoint, which passes the caller's scope")
@Transactional(readOnly = true)
public class FieldReads {

    private static final Map<FieldSubject, String> KEYS = Map.of(
            FieldSubject.WORKER, "user_id::text",
            FieldSubject.GRID, "grid_code",
            FieldSubject.VILLAGE, "left(grid_code, 12)");

    private final SignRepository signs;
    private final DiaryRepository diary;
    private final RegionApi regions;
    private final FieldDays days;

    FieldReads(SignRepository signs, DiaryRepository diary, RegionApi regions, FieldDays days) {
        this.signs = signs;
        this.diary = diary;
        this.regions = regions;
        this.days = days;
    }

    /**
     * The figures of the subjects under a region with a sign-in or a diary entry from {@code from} to {@code to}
     * (both included), ordered by key.
     */
    public List<FieldFigure> figures(
            String regionPrefix, DataScope scope, LocalDate from, LocalDate to, FieldSubject subject) {
        String county = regionPrefix.length() >= 6 ? regionPrefix.substring(0, 6) : null;
        String key = KEYS.get(subject);
        var counts = new TreeMap<String, FieldFigure>();
        int workingDays = days.workingDaysUpToToday(from, to);
        for (var c : signs.signInDays(key, from, to, county, regionPrefix, scope)) {
            counts.put(c.key(), new FieldFigure(subject, c.key(), c.name(), c.workers(), workingDays, c.count(), 0));
        }
        for (var c : diary.entries(key, from, to, county, regionPrefix, scope)) {
            var known = counts.get(c.key());
            counts.put(
                    c.key(),
                    known == null
                            ? new FieldFigure(subject, c.key(), c.name(), c.workers(), workingDays, 0, c.count())
                            : new FieldFigure(
                                    subject,
                                    c.key(),
                                    known.name(),
                                    Math.max(known.workers(), c.workers()),
                                    workingDays,
                                    known.signInDays(),
                                    c.count()));
        }
        if (subject == FieldSubject.WORKER) {
            return List.copyOf(counts.values());
        }
        var names = regions.names(counts.keySet());
        return counts.values().stream()
                .map(f -> new FieldFigure(
                        subject,
                        f.key(),
                        names.getOrDefault(f.key(), f.key()),
                        f.workers(),
                        f.workingDays(),
                        f.signInDays(),
                        f.diaryEntries()))
                .sorted(Comparator.comparing(FieldFigure::key))
                .toList();
    }
}
