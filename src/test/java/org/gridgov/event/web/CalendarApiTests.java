package org.gridgov.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.gridgov.SignedIn;
import org.gridgov.event.TimeUnitKind;
import org.gridgov.event.internal.WorkingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** Days of 2099 are changed here, far from the seeded years that other tests' deadlines fall in. */
@SpringBootTest
class CalendarApiTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    WorkingCalendar calendar;

    MockMvc mvc;

    @BeforeEach
    void signIn() throws Exception {
        mvc = SignedIn.as(context, "county.operator");
    }

    @Test
    void listsTheSeededExceptionDaysOfAYear() throws Exception {
        mvc.perform(get("/api/calendar").param("year", "2026").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(39))
                .andExpect(jsonPath("$.content[0].day").value("2026-01-01"))
                .andExpect(jsonPath("$.content[0].kind").value("HOLIDAY"))
                .andExpect(jsonPath("$.content[0].name").value("元旦"))
                .andExpect(jsonPath("$.content[?(@.day == '2026-10-10')].kind").value(hasItem("WORKDAY")));
        mvc.perform(get("/api/calendar")
                        .param("year", "2026")
                        .param("page", "1")
                        .param("size", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(19))
                .andExpect(jsonPath("$.totalPages").value(2));
    }

    @Test
    void aSavedDayChangesTheCalendarAtOnceAndDeletingRestoresIt() throws Exception {
        // 2099-03-02 is a Monday.
        var monday = LocalDate.parse("2099-03-02");
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        mvc.perform(put("/api/calendar/2099-03-02")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"HOLIDAY\",\"name\":\"测试假日\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.day").value("2099-03-02"))
                .andExpect(jsonPath("$.kind").value("HOLIDAY"))
                .andExpect(jsonPath("$.name").value("测试假日"));
        assertThat(calendar.isWorkingDay(monday)).isFalse();

        mvc.perform(put("/api/calendar/2099-03-02")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"WORKDAY\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("WORKDAY"));
        mvc.perform(get("/api/calendar").param("year", "2099"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].kind").value("WORKDAY"))
                .andExpect(jsonPath("$.content[0].name").doesNotExist());
        assertThat(calendar.isWorkingDay(monday)).isTrue();

        mvc.perform(delete("/api/calendar/2099-03-02")).andExpect(status().isNoContent());
        mvc.perform(get("/api/calendar").param("year", "2099"))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(delete("/api/calendar/2099-03-02")).andExpect(status().isNotFound());
    }

    @Test
    void aWeekendWorkdayMakesTheSaturdayAWorkingDay() throws Exception {
        // 2099-03-07 is a Saturday.
        var saturday = LocalDate.parse("2099-03-07");
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        mvc.perform(put("/api/calendar/2099-03-07")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"WORKDAY\",\"name\":\"调休上班\"}"))
                .andExpect(status().isCreated());
        assertThat(calendar.isWorkingDay(saturday)).isTrue();
        mvc.perform(delete("/api/calendar/2099-03-07")).andExpect(status().isNoContent());
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
    }

    @Test
    void refusesBadDatesKindsAndNames() throws Exception {
        mvc.perform(put("/api/calendar/2099-02-30")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"HOLIDAY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("day"))
                .andExpect(jsonPath("$.errors[0].code").value("format"));
        mvc.perform(put("/api/calendar/1999-10-01")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"HOLIDAY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("range"));
        mvc.perform(put("/api/calendar/2099-03-02")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"DAY_OFF\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.detailEn").exists());
        mvc.perform(put("/api/calendar/tomorrow")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(put("/api/calendar/2099-03-02")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"HOLIDAY\",\"name\":\"" + "节".repeat(51) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(delete("/api/calendar/2099-13-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("day"));
        mvc.perform(get("/api/calendar").param("year", "1900"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(get("/api/calendar").param("year", "2026").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/calendar").param("year", "2099"))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void onlyCountyLevelKeepersHoldThePermissionToChangeTheCountysRules() throws Exception {
        assertThat(permissions("county.operator")).contains("rules:write");
        assertThat(permissions("yz.operator")).doesNotContain("rules:write").contains("event:accept");
        assertThat(permissions("ys.operator")).doesNotContain("rules:write");
        assertThat(permissions("county.leader")).doesNotContain("rules:write");
    }

    @Test
    void aTownshipOperatorMayNotChangeTheCountysCalendarAndNoDeadlineMoves() throws Exception {
        // 2098-03-03 is a Monday: a holiday there would move a one-working-day limit from Friday to Tuesday.
        var friday = OffsetDateTime.parse("2098-02-28T10:00+08:00").toInstant();
        var before = calendar.deadline(friday, 1, TimeUnitKind.WORKING_DAYS);
        for (var account : List.of("yz.operator", "ys.operator")) {
            var township = SignedIn.as(context, account);
            township.perform(put("/api/calendar/2098-03-03")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"kind\":\"HOLIDAY\",\"name\":\"乡镇自定假日\"}"))
                    .andExpect(status().isForbidden());
            township.perform(delete("/api/calendar/2026-10-01")).andExpect(status().isForbidden());
            township.perform(put("/api/calendar/years/2098")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"days\":[{\"day\":\"2098-03-03\",\"kind\":\"HOLIDAY\"}]}"))
                    .andExpect(status().isForbidden());
        }
        assertThat(calendar.isWorkingDay(LocalDate.parse("2098-03-03"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(calendar.deadline(friday, 1, TimeUnitKind.WORKING_DAYS)).isEqualTo(before);
        mvc.perform(get("/api/calendar").param("year", "2098"))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/calendar/changes").param("year", "2098"))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void theCountyOperatorChangesTheCalendarAndEachChangeIsKeptWithItsOldAndNewValue() throws Exception {
        mvc.perform(put("/api/calendar/2096-03-05")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"HOLIDAY\",\"name\":\"县定假日\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/calendar/2096-03-05")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"WORKDAY\",\"name\":\"调休上班\"}"))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/calendar/2096-03-05")).andExpect(status().isNoContent());

        mvc.perform(get("/api/calendar/changes").param("year", "2096"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.content[0].day").value("2096-03-05"))
                .andExpect(jsonPath("$.content[0].oldKind").value("WORKDAY"))
                .andExpect(jsonPath("$.content[0].oldName").value("调休上班"))
                .andExpect(jsonPath("$.content[0].newKind").doesNotExist())
                .andExpect(jsonPath("$.content[1].oldKind").value("HOLIDAY"))
                .andExpect(jsonPath("$.content[1].oldName").value("县定假日"))
                .andExpect(jsonPath("$.content[1].newKind").value("WORKDAY"))
                .andExpect(jsonPath("$.content[2].oldKind").doesNotExist())
                .andExpect(jsonPath("$.content[2].newKind").value("HOLIDAY"))
                .andExpect(jsonPath("$.content[2].newName").value("县定假日"))
                .andExpect(jsonPath("$.content[2].source").value("DAY"))
                .andExpect(jsonPath("$.content[2].changedBy").isNotEmpty())
                .andExpect(jsonPath("$.content[2].changedAt").isNotEmpty());
    }

    @Test
    void aWholeYearIsCheckedDayByDayBeforeAnythingIsSaved() throws Exception {
        mvc.perform(put("/api/calendar/years/2097")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":[{\"day\":\"2097-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"},"
                                + "{\"day\":\"2098-01-01\",\"kind\":\"HOLIDAY\"},"
                                + "{\"day\":\"2097-01-01\",\"kind\":\"WORKDAY\"},"
                                + "{\"day\":\"2097-02-01\",\"kind\":\"OFF\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days[1].day"))
                .andExpect(jsonPath("$.errors[0].code").value("other-year"))
                .andExpect(jsonPath("$.errors[1].field").value("days[2].day"))
                .andExpect(jsonPath("$.errors[1].code").value("duplicate"))
                .andExpect(jsonPath("$.errors[2].field").value("days[3].kind"));
        mvc.perform(put("/api/calendar/years/2097")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"));
        mvc.perform(put("/api/calendar/years/next")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(post("/api/calendar/notice-reading")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("year", "text")));
        mvc.perform(get("/api/calendar").param("year", "2097"))
                .andExpect(jsonPath("$.totalElements").value(0));
        assertThat(calendar.isEntered(2097)).isFalse();
    }

    private List<String> permissions(String account) throws Exception {
        String me = SignedIn.as(context, account)
                .perform(get("/api/auth/me"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(me, "$.permissions");
    }

    @Test
    void aGridWorkerMayNotChangeTheCalendar() throws Exception {
        SignedIn.as(context, "grid.worker")
                .perform(put("/api/calendar/2099-03-02")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"HOLIDAY\"}"))
                .andExpect(status().isForbidden());
        assertThat(calendar.isWorkingDay(LocalDate.parse("2099-03-02"))).isTrue();
    }
}
