package org.gridgov.event.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.PageQuery;
import org.gridgov.event.internal.CalendarAdministration.CalendarDay;
import org.gridgov.event.internal.WorkingCalendar.DayKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exception days of the working calendar; they hold nothing of any one region. */
@Repository
class CalendarRepository {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every exception day and its kind; a few dozen rows a year. */
    Map<LocalDate, DayKind> kinds() {
        var kinds = new HashMap<LocalDate, DayKind>();
        jdbc.sql("select day, kind from calendar_day").query(rs -> {
            kinds.put(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")));
        });
        return kinds;
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

    private static CalendarDay row(ResultSet rs, int n) throws SQLException {
        return new CalendarDay(
                rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")), rs.getString("name"));
    }
}
