package org.gridgov.event.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.event.internal.CalendarAdministration.CalendarChange;
import org.gridgov.event.internal.CalendarAdministration.CalendarDay;
import org.gridgov.event.internal.WorkingCalendar.DayKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The exception days of the working calendar, the years entered and the history of changes; they hold nothing of any
 * one region.
 */
@Repository
class CalendarRepository {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who changed the calendar, for its history. */
    record Keeper(Long userId, String name) {}

    /** Every exception day and its kind (a few dozen rows a year), and the entered years, read together. */
    WorkingCalendar.Days days() {
        var kinds = new HashMap<LocalDate, DayKind>();
        jdbc.sql("select day, kind from calendar_day").query(rs -> {
            kinds.put(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")));
        });
        var years = new HashSet<Integer>(
                jdbc.sql("select year from calendar_year").query(Integer.class).list());
        return new WorkingCalendar.Days(kinds, years);
    }

    /**
     * Serializes the writers of the calendar until the transaction ends, so that the old value each one records in
     * the history is the value it replaced.
     */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('calendar_day'))")
                .query((rs, n) -> 1)
                .list();
    }

    Optional<CalendarDay> find(LocalDate day) {
        return jdbc.sql("select day, kind, name from calendar_day where day = :day")
                .param("day", day)
                .query(CalendarRepository::row)
                .optional();
    }

    /** Every exception day of a year, by day. */
    Map<LocalDate, CalendarDay> wholeYear(int year) {
        var days = new LinkedHashMap<LocalDate, CalendarDay>();
        jdbc.sql("select day, kind, name from calendar_day where day >= :first and day < :next order by day")
                .param("first", LocalDate.of(year, 1, 1))
                .param("next", LocalDate.of(year + 1, 1, 1))
                .query(CalendarRepository::row)
                .list()
                .forEach(d -> days.put(d.day(), d));
        return days;
    }

    /** Marks a year as entered, or notes who entered it again. */
    void enterYear(int year, Keeper keeper, Instant at) {
        jdbc.sql("""
                        insert into calendar_year (year, entered_at, entered_by, entered_by_name)
                        values (:year, :at, :by, :name)
                        on conflict (year) do update set entered_at = excluded.entered_at,
                            entered_by = excluded.entered_by, entered_by_name = excluded.entered_by_name""")
                .param("year", year)
                .param("at", Timestamp.from(at))
                .param("by", keeper.userId())
                .param("name", keeper.name())
                .update();
    }

    /** Appends one change of a day to the history; {@code before} or {@code after} is null for an ordinary day. */
    void recordChange(LocalDate day, CalendarDay before, CalendarDay after, String source, Keeper keeper, Instant at) {
        jdbc.sql("""
                        insert into calendar_change (day, old_kind, old_name, new_kind, new_name, source, changed_by,
                            changed_by_name, changed_at)
                        values (:day, :oldKind, :oldName, :newKind, :newName, :source, :by, :byName, :at)""")
                .param("day", day)
                .param("oldKind", before == null ? null : before.kind().name())
                .param("oldName", before == null ? null : before.name())
                .param("newKind", after == null ? null : after.kind().name())
                .param("newName", after == null ? null : after.name())
                .param("source", source)
                .param("by", keeper.userId())
                .param("byName", keeper.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The changes of the days of a year, newest first. */
    List<CalendarChange> changes(int year, PageQuery page) {
        return jdbc.sql("""
                        select id, day, old_kind, old_name, new_kind, new_name, source, changed_by_name, changed_at
                        from calendar_change where day >= :first and day < :next
                        order by id desc limit :limit offset :offset""")
                .param("first", LocalDate.of(year, 1, 1))
                .param("next", LocalDate.of(year + 1, 1, 1))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new CalendarChange(
                        rs.getLong("id"),
                        rs.getObject("day", LocalDate.class),
                        kind(rs.getString("old_kind")),
                        rs.getString("old_name"),
                        kind(rs.getString("new_kind")),
                        rs.getString("new_name"),
                        rs.getString("source"),
                        rs.getString("changed_by_name"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    long countChanges(int year) {
        return jdbc.sql("select count(*) from calendar_change where day >= :first and day < :next")
                .param("first", LocalDate.of(year, 1, 1))
                .param("next", LocalDate.of(year + 1, 1, 1))
                .query(Long.class)
                .single();
    }

    /** The exception days of one year, in order. */
    List<CalendarDay> year(int year, PageQuery page) {
        return jdbc.sql("""
                        select day, kind, name from calendar_day
                        where day >= :first and day < :next order by day limit :limit offset :offset""")
                .param("first", LocalDate.of(year, 1, 1))
                .param("next", LocalDate.of(year + 1, 1, 1))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(CalendarRepository::row)
                .list();
    }

    long countYear(int year) {
        return jdbc.sql("select count(*) from calendar_day where day >= :first and day < :next")
                .param("first", LocalDate.of(year, 1, 1))
                .param("next", LocalDate.of(year + 1, 1, 1))
                .query(Long.class)
                .single();
    }

    /**
     * Adds the day, or changes it if it is there already; true when it was added. Insert first and fall back to
     * changing the row, so that two callers adding the same day at once cannot both fail.
     */
    boolean save(CalendarDay day) {
        int inserted = jdbc.sql("""
                        insert into calendar_day (day, kind, name) values (:day, :kind, :name)
                        on conflict (day) do nothing""")
                .param("day", day.day())
                .param("kind", day.kind().name())
                .param("name", day.name())
                .update();
        if (inserted == 1) {
            return true;
        }
        jdbc.sql("update calendar_day set kind = :kind, name = :name where day = :day")
                .param("day", day.day())
                .param("kind", day.kind().name())
                .param("name", day.name())
                .update();
        return false;
    }

    /** Removes the day; false when it was not there. */
    boolean delete(LocalDate day) {
        return jdbc.sql("delete from calendar_day where day = :day")
                        .param("day", day)
                        .update()
                == 1;
    }

    private static DayKind kind(String text) {
        return text == null ? null : DayKind.valueOf(text);
    }

    private static CalendarDay row(ResultSet rs, int n) throws SQLException {
        return new CalendarDay(
                rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")), rs.getString("name"));
    }
}
