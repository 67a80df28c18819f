package org.gridgov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class AuditChainTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    /** The embedded server's superuser, which the platform itself never uses outside migrations. */
    @Autowired
    @FlywayDataSource
    DataSource admin;

    /** The tests share one database, so each one looks only at its own user's records. */
    String username;

    @BeforeEach
    void newUser() {
        username = "chain-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void recordWrites(int count) {
        for (int i = 0; i < count; i++) {
            audit.record(AuditEntry.builder(AuditAction.WRITE, AuditResult.SUCCESS)
                    .username(username)
                    .object("grid", String.valueOf(i))
                    .detail("POST /api/grids 201")
                    .build());
        }
    }

    List<Long> ids() {
        return jdbc.queryForList("select id from audit_log where username = ? order by id", Long.class, username);
    }

    /** Runs SQL as the database superuser with triggers off, to play the part of someone editing history. */
    void bypassingTriggers(String sql, Object... args) {
        var superuser = new JdbcTemplate(admin);
        new TransactionTemplate(new DataSourceTransactionManager(admin)).executeWithoutResult(tx -> {
            superuser.execute("set local session_replication_role = replica");
            superuser.update(sql, args);
        });
    }

    @Test
    void theChainVerifiesAfterSeveralAppends() {
        long before = audit.verify().checked();
        recordWrites(5);

        var verification = audit.verify();

        assertThat(verification.ok()).isTrue();
        assertThat(verification.firstBrokenId()).isNull();
        assertThat(verification.checked()).isGreaterThanOrEqualTo(before + 5);
        var links = jdbc.queryForList(
                "select a.id from audit_log a join audit_log b on b.hash = a.prev_hash where a.username = ?",
                Long.class,
                username);
        assertThat(links).containsAll(ids().subList(1, 5));
    }

    @Test
    void theVerifyEndpointReportsAnIntactChain() throws Exception {
        recordWrites(2);
        mvc.perform(get("/api/audit/verify")
                        .with(user("auditor").authorities(new SimpleGrantedAuthority("audit:read"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.checked").isNumber())
                .andExpect(jsonPath("$.firstBrokenId").isEmpty());
    }

    @Test
    void aChangedRecordIsReportedByItsId() {
        recordWrites(3);
        long middle = ids().get(1);
        try {
            bypassingTriggers("update audit_log set detail = 'POST /api/grids 403' where id = ?", middle);

            var verification = audit.verify();

            assertThat(verification.ok()).isFalse();
            assertThat(verification.firstBrokenId()).isEqualTo(middle);
        } finally {
            bypassingTriggers("update audit_log set detail = 'POST /api/grids 201' where id = ?", middle);
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void aRemovedRecordIsReportedAtItsSuccessor() {
        recordWrites(3);
        var ids = ids();
        String backup = "audit_log_backup_" + username.substring(6);
        var superuser = new JdbcTemplate(admin);
        superuser.execute("create table " + backup + " as select * from audit_log where id = " + ids.get(1));
        try {
            bypassingTriggers("delete from audit_log where id = ?", ids.get(1));

            var verification = audit.verify();

            assertThat(verification.ok()).isFalse();
            assertThat(verification.firstBrokenId()).isEqualTo(ids.get(2));
        } finally {
            bypassingTriggers("insert into audit_log select * from " + backup + " where not exists"
                    + " (select 1 from audit_log a where a.id = " + ids.get(1) + ")");
            superuser.execute("drop table " + backup);
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void thePlatformsRoleMayNeitherChangeNorRemoveRecordsNorDisableTheTriggers() {
        recordWrites(1);
        long id = ids().getFirst();

        assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "select current_setting('is_superuser') = 'on'"
                                + " or has_table_privilege('audit_log', 'UPDATE, DELETE, TRUNCATE')",
                        Boolean.class))
                .as("the check behind the start-up warning")
                .isFalse();
        for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES")) {
            assertThat(jdbc.queryForObject(
                            "select has_table_privilege(current_user, 'audit_log', ?)", Boolean.class, privilege))
                    .as(privilege)
                    .isFalse();
        }
        assertThat(jdbc.queryForObject(
                        "select pg_get_userbyid(relowner) from pg_class where relname = 'audit_log'", String.class))
                .isNotEqualTo(jdbc.queryForObject("select current_user", String.class));
        for (String sql : List.of(
                "update audit_log set detail = 'changed' where id = " + id,
                "delete from audit_log where id = " + id,
                "truncate audit_log",
                "alter table audit_log disable trigger user",
                "drop table audit_log")) {
            assertThatThrownBy(() -> jdbc.execute(sql))
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .satisfiesAnyOf(
                            e -> assertThat(e).hasMessageContaining("permission denied"),
                            e -> assertThat(e).hasMessageContaining("must be owner"));
        }
        try {
            // Without the grant option PostgreSQL only warns; either way nothing may be granted.
            jdbc.execute("grant update, delete, truncate on audit_log to current_user");
        } catch (DataAccessException refused) {
            assertThat(refused).rootCause().hasMessageContaining("permission denied");
        }
        assertThat(jdbc.queryForObject(
                        "select has_table_privilege(current_user, 'audit_log', 'UPDATE')", Boolean.class))
                .isFalse();
        assertThat(jdbc.queryForObject("select detail from audit_log where id = ?", String.class, id))
                .isEqualTo("POST /api/grids 201");
    }

    @Test
    void withTheTriggersDisabledThePlatformsRoleStillCannotChangeRecords() {
        recordWrites(1);
        long id = ids().getFirst();
        var superuser = new JdbcTemplate(admin);
        superuser.execute("alter table audit_log disable trigger user");
        try {
            assertThatThrownBy(() -> jdbc.update("update audit_log set detail = 'changed' where id = ?", id))
                    .rootCause()
                    .hasMessageContaining("permission denied for table audit_log");
            assertThatThrownBy(() -> jdbc.update("delete from audit_log where id = ?", id))
                    .rootCause()
                    .hasMessageContaining("permission denied for table audit_log");
            assertThatThrownBy(() -> jdbc.execute("truncate audit_log"))
                    .rootCause()
                    .hasMessageContaining("permission denied for table audit_log");
        } finally {
            superuser.execute("alter table audit_log enable trigger user");
        }
        assertThat(jdbc.queryForObject("select detail from audit_log where id = ?", String.class, id))
                .isEqualTo("POST /api/grids 201");
    }

    @Test
    void theTriggersStillRefuseChangesByTheTablesOwner() {
        recordWrites(1);
        long id = ids().getFirst();
        var superuser = new JdbcTemplate(admin);

        assertThatThrownBy(() -> superuser.update("update audit_log set detail = 'changed' where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("audit_log is append-only: UPDATE refused");
        assertThatThrownBy(() -> superuser.update("delete from audit_log where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("audit_log is append-only: DELETE refused");
        assertThatThrownBy(() -> superuser.execute("truncate audit_log"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("audit_log is append-only: TRUNCATE refused");
        assertThat(jdbc.queryForObject("select detail from audit_log where id = ?", String.class, id))
                .isEqualTo("POST /api/grids 201");
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        int threads = 8;
        int perThread = 25;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        audit.record(AuditEntry.builder(AuditAction.WRITE, AuditResult.SUCCESS)
                                .username(username)
                                .object("thread", thread + "-" + i)
                                .build());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ids()).hasSize(threads * perThread);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log a where a.username = ? and not exists"
                                + " (select 1 from audit_log p where p.hash = a.prev_hash)",
                        Long.class,
                        username))
                .isZero();
        assertThat(audit.verify().ok()).isTrue();
    }
}
