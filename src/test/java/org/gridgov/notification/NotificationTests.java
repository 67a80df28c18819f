package org.gridgov.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gridgov.MovableClock;
import org.gridgov.SignedIn;
import org.gridgov.event.DeadlineCardRaised;
import org.gridgov.event.internal.DeadlineWatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * Notifications end to end: events moved and cards raised through the API and the deadline scan, the listeners run
 * after commit as in production, and each test waits until the event publication registry has nothing left to
 * deliver before it looks.
 */
// The same context as DeadlineWatchTests: the scheduled scan runs once at start-up, then the tests drive it.
@SpringBootTest(properties = "gridgov.event.deadline-scan=PT24H")
@Import(MovableClock.Config.class)
class NotificationTests {

    /** A grid of 站前社区 (杨寨镇), reported in by the township operator; 占道经营 goes to the township center. */
    private static final String GRID = "421381101001101";

    private static final String CATEGORY = "0406";
    private static final String TOWNSHIP = "421381101-center";
    private static final String COUNTY = "421381-center";
    private static final String DEPARTMENT = "421381-cgj";

    @Autowired
    WebApplicationContext context;

    @Autowired
    MovableClock clock;

    @Autowired
    DeadlineWatch watch;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    MockMvc township;
    MockMvc department;

    @BeforeEach
    void setUp() throws Exception {
        township = SignedIn.as(context, "yz.operator");
        department = SignedIn.as(context, "dept.handler");
        // Whatever the start-up scan (or a test before) raised is delivered now, not in the middle of a test.
        watch.scan();
        awaitDelivered();
    }

    /** Waits until every listener has completed its publication (completed ones are deleted). */
    private void awaitDelivered() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private long report() throws Exception {
        String grid = township.perform(get("/api/grids/" + GRID))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Double> point = JsonPath.read(grid, "$.labelPoint");
        String body = township.perform(post("/api/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID() + "\",\"title\":\"门店占道经营\","
                                + "\"categoryCode\":\"" + CATEGORY + "\",\"lon\":" + point.get(0) + ",\"lat\":"
                                + point.get(1) + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.holderOrg").value(TOWNSHIP))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void move(MockMvc as, long id, String move, String extra) throws Exception {
        String event =
                as.perform(get("/api/events/" + id)).andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(event, "$.version");
        as.perform(post("/api/events/" + id + "/" + move)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + (extra == null ? "" : "," + extra) + "}"))
                .andExpect(status().isOk());
    }

    /** Reports an event in the township and dispatches it to the department. */
    private long dispatched() throws Exception {
        long id = report();
        move(township, id, "accept", null);
        move(township, id, "dispatch", "\"assignee\":\"" + DEPARTMENT + "\"");
        awaitDelivered();
        return id;
    }

    private List<Map<String, Object>> stored(long eventId) {
        return jdbc.sql("select kind, recipient_org, recipient_user from notification where event_id = :id order by id")
                .param("id", eventId)
                .query()
                .listOfRows();
    }

    /** The id of the caller's notification of a kind about an event. */
    private long notificationId(MockMvc as, long eventId, NotificationKind kind) throws Exception {
        String page = as.perform(get("/api/notifications").param("size", "100"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> ids =
                JsonPath.read(page, "$.content[?(@.eventId == " + eventId + " && @.kind == '" + kind + "')].id");
        assertThat(ids).as("%s about event %d", kind, eventId).hasSize(1);
        return ids.getFirst().longValue();
    }

    private long unreadCount(MockMvc as) throws Exception {
        String body = as.perform(get("/api/notifications/unread-count"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.count")).longValue();
    }

    @Test
    void aRedCardNotifiesTheHolderAndTheCenterAboveOnceEvenWhenScannedAndDeliveredTwice() throws Exception {
        long id = report();
        String event = township.perform(get("/api/events/" + id))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var deadline = Instant.parse(JsonPath.read(event, "$.deadlineAt"));

        clock.set(deadline.plusSeconds(1));
        watch.scan();
        watch.scan();
        awaitDelivered();
        // As the registry does after a crash between the listener's work and its completion: the same event again.
        String serial = JsonPath.read(event, "$.serialNumber");
        var card = new DeadlineCardRaised(
                id, serial, GRID, org.gridgov.event.Step.ACCEPT, DeadlineCardRaised.Card.RED, TOWNSHIP, deadline);
        transactions.executeWithoutResult(status -> publisher.publishEvent(card));
        awaitDelivered();

        assertThat(stored(id))
                .filteredOn(row -> "DEADLINE_RED".equals(row.get("kind")))
                .extracting(row -> row.get("recipient_org"))
                .containsExactlyInAnyOrder(TOWNSHIP, COUNTY);
        township.perform(get("/api/notifications").param("unread", "true").param("size", "100"))
                .andExpect(jsonPath(
                        "$.content[?(@.eventId == " + id + ")].title", hasItem("事件 " + serial + " 受理环节已超期（红牌）")))
                .andExpect(jsonPath(
                        "$.content[?(@.eventId == " + id + ")].titleEn",
                        hasItem("Event " + serial + " is overdue in the accept step (red card)")));
        SignedIn.as(context, "county.operator")
                .perform(get("/api/notifications").param("unread", "true").param("size", "100"))
                .andExpect(jsonPath(
                        "$.content[?(@.eventId == " + id + " && @.kind == 'DEADLINE_RED')].title",
                        hasItem("杨寨镇综治中心的事件 " + serial + " 受理环节已超期（红牌）")));
        // A township next door hears nothing of it.
        SignedIn.as(context, "ys.operator")
                .perform(get("/api/notifications").param("size", "100"))
                .andExpect(jsonPath("$.content[*].eventId", not(hasItem((int) id))));
    }

    @Test
    void aDispatchNotifiesTheAssigneeWhomNoOtherOrganizationMayReadItFor() throws Exception {
        long id = dispatched();
        assertThat(stored(id)).extracting(row -> row.get("kind")).containsExactly("DISPATCHED");
        assertThat(stored(id).getFirst()).containsEntry("recipient_org", DEPARTMENT);
        long notification = notificationId(department, id, NotificationKind.DISPATCHED);

        for (var other : List.of("yz.operator", "ys.operator", "county.operator")) {
            var mvc = SignedIn.as(context, other);
            mvc.perform(post("/api/notifications/" + notification + "/read"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("消息不存在"))
                    .andExpect(jsonPath("$.detailEn").value("No such notification"));
            mvc.perform(get("/api/notifications").param("size", "100"))
                    .andExpect(jsonPath("$.content[*].id", not(hasItem((int) notification))));
        }
        SignedIn.as(context, "resident")
                .perform(post("/api/notifications/" + notification + "/read"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from notification_read where notification_id = :id")
                        .param("id", notification)
                        .query(Long.class)
                        .single())
                .isZero();

        // Addressed to the department: each of its users reads it for themselves.
        department
                .perform(post("/api/notifications/" + notification + "/read"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("DISPATCHED"))
                .andExpect(jsonPath("$.eventId").value(id))
                .andExpect(jsonPath("$.readAt", notNullValue()));
        SignedIn.as(context, "dept.leader")
                .perform(get("/api/notifications").param("unread", "true").param("size", "100"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) notification)));
    }

    @Test
    void returnsSupervisionAndReworkNotifyWhoeverHasToActNext() throws Exception {
        long returned = dispatched();
        move(department, returned, "return", "\"note\":\"不属于本局职责\"");
        awaitDelivered();
        notificationId(township, returned, NotificationKind.RETURNED);

        move(SignedIn.as(context, "county.leader"), returned, "supervise", "\"note\":\"请加快\",\"supervision\":\"RED\"");
        awaitDelivered();
        notificationId(township, returned, NotificationKind.SUPERVISED);

        long reworked = dispatched();
        move(department, reworked, "claim", null);
        move(department, reworked, "feedback", "\"note\":\"已处置\"");
        move(township, reworked, "rework", "\"note\":\"现场仍有货架\"");
        awaitDelivered();
        notificationId(department, reworked, NotificationKind.REWORK);
        assertThat(stored(reworked)).extracting(row -> row.get("kind")).containsExactly("DISPATCHED", "REWORK");
    }

    @Test
    void theUnreadCountFollowsReadingOneAndReadingAll() throws Exception {
        department.perform(post("/api/notifications/read-all")).andExpect(status().isOk());
        assertThat(unreadCount(department)).isZero();

        long first = notificationId(department, dispatched(), NotificationKind.DISPATCHED);
        long second = notificationId(department, dispatched(), NotificationKind.DISPATCHED);
        long third = notificationId(department, dispatched(), NotificationKind.DISPATCHED);
        assertThat(unreadCount(department)).isEqualTo(3);
        department
                .perform(get("/api/notifications").param("unread", "true"))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.content[0].id").value(third));

        department.perform(post("/api/notifications/" + second + "/read")).andExpect(status().isOk());
        String readAt = JsonPath.read(
                department
                        .perform(post("/api/notifications/" + second + "/read"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.readAt");
        assertThat(readAt).isNotNull();
        assertThat(unreadCount(department)).isEqualTo(2);

        // Only what the bell showed: a notification newer than upTo stays unread.
        department
                .perform(post("/api/notifications/read-all").param("upTo", String.valueOf(first)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.marked").value(1));
        assertThat(unreadCount(department)).isEqualTo(1);
        department
                .perform(post("/api/notifications/read-all"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.marked").value(1));
        assertThat(unreadCount(department)).isZero();
        department
                .perform(get("/api/notifications").param("size", "3"))
                .andExpect(jsonPath(
                        "$.content[*].id", org.hamcrest.Matchers.contains((int) third, (int) second, (int) first)))
                .andExpect(jsonPath("$.content[*].readAt", org.hamcrest.Matchers.everyItem(notNullValue())));
    }

    @Test
    void aTownshipCardReachesThoseWhoMayActOnItNotTheGridWorkersOfTheCenter() throws Exception {
        // Reported in a grid the demo grid worker covers: only the permission keeps the card from their bell.
        long id = report();
        String event = township.perform(get("/api/events/" + id))
                .andReturn()
                .getResponse()
                .getContentAsString();
        clock.set(Instant.parse(JsonPath.read(event, "$.deadlineAt")).minusSeconds(1));
        watch.scan();
        awaitDelivered();

        assertThat(stored(id))
                .filteredOn(row -> "DEADLINE_YELLOW".equals(row.get("kind")))
                .extracting(row -> row.get("recipient_org"))
                .containsExactlyInAnyOrder(TOWNSHIP, COUNTY);
        notificationId(township, id, NotificationKind.DEADLINE_YELLOW);
        for (var gridStaff : List.of("grid.worker", "grid.assistant", "grid.leader")) {
            SignedIn.as(context, gridStaff)
                    .perform(get("/api/notifications").param("size", "100"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[*].eventId", not(hasItem((int) id))));
        }
        // The center above oversees: its leader, who may supervise, hears of it too.
        notificationId(SignedIn.as(context, "county.leader"), id, NotificationKind.DEADLINE_YELLOW);
    }

    @Test
    void oneOperatorReadingANoticeLeavesItUnreadForAnotherOperatorOfTheCenter() throws Exception {
        jdbc.sql("""
                        insert into app_user (username, real_name, organization_id, scope_kind, scope_code, status,
                            password_hash, password_changed_at, created_at)
                        select 'yz.operator2', '杨寨镇坐席员二', organization_id, scope_kind, scope_code, status,
                            password_hash, password_changed_at, created_at
                        from app_user where username = 'yz.operator'
                        on conflict (username) do nothing""").update();
        jdbc.sql("""
                        insert into user_role (user_id, role)
                        select u.id, r.role from app_user u, user_role r join app_user o on o.id = r.user_id
                        where u.username = 'yz.operator2' and o.username = 'yz.operator'
                        on conflict do nothing""").update();
        var second = SignedIn.as(context, "yz.operator2");

        long returned = dispatched();
        move(department, returned, "return", "\"note\":\"不属于本局职责\"");
        awaitDelivered();
        long notice = notificationId(township, returned, NotificationKind.RETURNED);
        assertThat(notificationId(second, returned, NotificationKind.RETURNED)).isEqualTo(notice);
        long unreadBefore = unreadCount(second);

        township.perform(post("/api/notifications/" + notice + "/read"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt", notNullValue()));
        second.perform(get("/api/notifications").param("unread", "true").param("size", "100"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) notice)));
        assertThat(unreadCount(second)).isEqualTo(unreadBefore);
        second.perform(get("/api/notifications").param("size", "100"))
                .andExpect(jsonPath("$.content[?(@.id == " + notice + ")].readAt", hasItem(nullValue())));

        // Reading all is the reader's own too.
        second.perform(post("/api/notifications/read-all")).andExpect(status().isOk());
        assertThat(unreadCount(second)).isZero();
        long another = dispatched();
        move(department, another, "return", "\"note\":\"不属于本局职责\"");
        awaitDelivered();
        long next = notificationId(second, another, NotificationKind.RETURNED);
        township.perform(post("/api/notifications/read-all")).andExpect(status().isOk());
        second.perform(get("/api/notifications").param("unread", "true").param("size", "100"))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) next)));
    }

    @Test
    void badInputIsAProblemInChineseAndEnglish() throws Exception {
        for (var request : List.of(
                get("/api/notifications").param("page", "-1"),
                get("/api/notifications").param("size", "1000"),
                get("/api/notifications").param("unread", "maybe"),
                post("/api/notifications/abc/read"),
                post("/api/notifications/read-all").param("upTo", "0"))) {
            department
                    .perform(request)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("请求参数有误"))
                    .andExpect(jsonPath("$.detailEn").value("The request has invalid fields"))
                    .andExpect(jsonPath("$.errors[0].message", notNullValue()))
                    .andExpect(jsonPath("$.errors[0].messageEn", notNullValue()));
        }
        department.perform(post("/api/notifications/999999999/read")).andExpect(status().isNotFound());
    }
}
