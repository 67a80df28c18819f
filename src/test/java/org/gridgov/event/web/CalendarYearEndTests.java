package org.gridgov.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.event.web.EventCalls.body;
import static org.gridgov.event.web.EventCalls.move;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gridgov.MovableClock;
import org.gridgov.SignedIn;
import org.gridgov.event.internal.CalendarCoverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The end of the calendar: from 1 November a missing next year is warned of (console status, health, log), a
 * deadline counted into it is provisional, and entering the year from the notice counts it again. A context of its
 * own, since it enters 2027 and moves the clock; the methods run in order, the first before 2027 is entered.
 */
@SpringBootTest(properties = {"gridgov.event.deadline-scan=PT24H", "gridgov.event.calendar-check=PT24H"})
@Import(MovableClock.Config.class)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalendarYearEndTests {

    /** A made-up 2027 notice for the test: 元旦 1–3 January, 春节 6–12 February with Saturday 20 February worked. */
    private static final String NOTICE_2027 =
            "一、元旦：1月1日（周五）至3日（周日）放假，共3天。" + "二、春节：2月6日（农历除夕、周六）至12日（农历正月初六、周五）放假调休，共7天。2月20日（周六）上班。";

    private static final String LOG_LINE = "lacks the holidays of 2027";

    @Autowired
    WebApplicationContext context;

    @Autowired
    MovableClock clock;

    @Autowired
    CalendarCoverage coverage;

    @Autowired
    Map<String, HealthIndicator> indicators;

    MockMvc county;
    MockMvc township;

    @BeforeEach
    void signIn() throws Exception {
        county = SignedIn.as(context, "county.operator");
        township = SignedIn.as(context, "yz.operator");
    }

    @Test
    @Order(1)
    void fromTheFirstOfNovemberAMissingNextYearIsWarnedOfInTheStatusTheHealthAndOnceADayInTheLog(CapturedOutput output)
            throws Exception {
        clock.set(shanghai("2026-10-31T09:00"));
        county.perform(get("/api/calendar/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.yearEntered").value(true))
                .andExpect(jsonPath("$.nextYearEntered").value(false))
                .andExpect(jsonPath("$.warnFrom").value("2026-11-01"))
                .andExpect(jsonPath("$.warning").doesNotExist());
        assertThat(calendarHealth().getStatus().getCode()).isEqualTo("UP");
        // The check at start-up ran on the real date and may have warned already.
        int before = occurrences(output.getOut(), LOG_LINE);
        coverage.check();
        assertThat(occurrences(output.getOut(), LOG_LINE)).isEqualTo(before);

        clock.set(shanghai("2026-11-01T09:00"));
        SignedIn.as(context, "grid.worker")
                .perform(get("/api/calendar/status"))
                .andExpect(jsonPath("$.warning").value("NEXT_YEAR_MISSING"))
                .andExpect(jsonPath("$.nextYear").value(2027));
        var health = calendarHealth();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(health.getDetails()).containsEntry("warning", "NEXT_YEAR_MISSING");
        // DEGRADED stays out of the overall status, so that probes do not restart a platform that still works.
        SignedIn.anonymous(context)
                .perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.calendar.status").value("DEGRADED"));

        coverage.check();
        coverage.check();
        assertThat(occurrences(output.getOut(), LOG_LINE)).isEqualTo(before + 1);
        clock.set(shanghai("2026-11-02T09:00"));
        coverage.check();
        assertThat(occurrences(output.getOut(), LOG_LINE)).isEqualTo(before + 2);
    }

    @Test
    @Order(2)
    void aDeadlineCountedIntoTheMissingYearIsProvisionalUntilTheCountyEntersIt() throws Exception {
        // 2026-12-15 is a Tuesday: 私搭乱建 is handled in 20 working days, which run into January 2027.
        clock.set(shanghai("2026-12-15T10:00"));
        var worker = SignedIn.as(context, "grid.worker");
        var department = SignedIn.as(context, "dept.handler");
        var calls = EventCalls.reporting(worker, "0101");
        long id = calls.reported(worker);
        move(township, id, "accept", null).andExpect(status().isOk());
        move(township, id, "dispatch", "\"assignee\":\"421381-cgj\"").andExpect(status().isOk());
        move(department, id, "claim", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.step").value("HANDLE"))
                .andExpect(jsonPath("$.deadlineProvisional").value(true));
        // Counted with 1 January as a working day, as the calendar knows nothing of 2027.
        assertThat(deadline(worker, id)).isEqualTo(shanghai("2027-01-12T17:30"));
        // A delay of three working days approved on a provisional deadline is provisional too.
        long delayed = calls.reported(worker);
        move(township, delayed, "accept", null).andExpect(status().isOk());
        move(township, delayed, "dispatch", "\"assignee\":\"421381-cgj\"").andExpect(status().isOk());
        move(department, delayed, "claim", null).andExpect(status().isOk());
        String asked = body(department
                .perform(post("/api/events/" + delayed + "/delay-requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"需协调拆除\",\"extraAmount\":3,\"unit\":\"WORKING_DAYS\"}"))
                .andExpect(status().isCreated()));
        township.perform(post("/api/delay-requests/" + JsonPath.read(asked, "$.id") + "/approve")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"同意\"}"))
                .andExpect(status().isOk());
        worker.perform(get("/api/events/" + delayed))
                .andExpect(jsonPath("$.deadlineProvisional").value(true));
        assertThat(deadline(worker, delayed)).isEqualTo(shanghai("2027-01-15T17:30"));
        long shortOne = calls.reported(worker);
        worker.perform(get("/api/events/" + shortOne))
                .andExpect(jsonPath("$.deadlineProvisional").value(false));

        // A township may neither read the notice into the calendar nor enter the year; nothing moves.
        String reading = body(county.perform(post("/api/calendar/notice-reading")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2027,\"text\":\"" + NOTICE_2027 + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems.length()").value(0))
                .andExpect(jsonPath("$.days.length()").value(11)));
        List<Object> days = JsonPath.read(reading, "$.days");
        String year = JsonPath.parse(Map.of("days", days)).jsonString();
        township.perform(post("/api/calendar/notice-reading")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2027,\"text\":\"元旦：1月1日放假\"}"))
                .andExpect(status().isForbidden());
        township.perform(put("/api/calendar/years/2027")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(year))
                .andExpect(status().isForbidden());
        assertThat(deadline(worker, id)).isEqualTo(shanghai("2027-01-12T17:30"));
        county.perform(get("/api/calendar/status"))
                .andExpect(jsonPath("$.nextYearEntered").value(false));

        county.perform(put("/api/calendar/years/2027")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(year))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(11))
                .andExpect(jsonPath("$.removed").value(0))
                .andExpect(jsonPath("$.deadlinesRecounted").isNumber());

        worker.perform(get("/api/events/" + id))
                .andExpect(jsonPath("$.deadlineProvisional").value(false));
        assertThat(deadline(worker, id)).isEqualTo(shanghai("2027-01-13T17:30"));
        // Counted again from the claim with the approved delay: 13 January plus three working days.
        assertThat(deadline(worker, delayed)).isEqualTo(shanghai("2027-01-18T17:30"));
        worker.perform(get("/api/events/" + delayed))
                .andExpect(jsonPath("$.deadlineProvisional").value(false));
        String history =
                body(worker.perform(get("/api/events/" + id + "/history").param("size", "50")));
        List<String> moves = JsonPath.read(history, "$.content[*].move");
        assertThat(moves).last().isEqualTo("DEADLINE_RECOUNT");
        List<String> notes = JsonPath.read(history, "$.content[*].note");
        assertThat(notes.getLast()).contains("2027-01-12 17:30 → 2027-01-13 17:30");
        county.perform(get("/api/calendar/status"))
                .andExpect(jsonPath("$.nextYearEntered").value(true))
                .andExpect(jsonPath("$.warning").doesNotExist());
        assertThat(calendarHealth().getStatus().getCode()).isEqualTo("UP");
        county.perform(get("/api/calendar/changes").param("year", "2027"))
                .andExpect(jsonPath("$.totalElements").value(11))
                .andExpect(jsonPath("$.content[0].source").value("YEAR"))
                .andExpect(jsonPath("$.content[0].oldKind").doesNotExist());

        // A new deadline into 2027 is final at once.
        long after = calls.reported(worker);
        move(township, after, "accept", null).andExpect(status().isOk());
        move(township, after, "dispatch", "\"assignee\":\"421381-cgj\"").andExpect(status().isOk());
        move(department, after, "claim", null)
                .andExpect(jsonPath("$.deadlineProvisional").value(false));
        assertThat(deadline(worker, after)).isEqualTo(shanghai("2027-01-13T17:30"));
    }

    private org.springframework.boot.health.contributor.Health calendarHealth() {
        return indicators.get("calendarHealthIndicator").health();
    }

    private static Instant deadline(MockMvc as, long id) throws Exception {
        String at = JsonPath.read(body(as.perform(get("/api/events/" + id))), "$.deadlineAt");
        return Instant.parse(at);
    }

    private static Instant shanghai(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
