package org.gridgov.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class StalledImportsTests {

    @Autowired
    StalledImports stalled;

    @Autowired
    JdbcClient jdbc;

    private long running(Duration silentFor) {
        var alive = Instant.now().minus(silentFor).atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                        insert into registry_import (kind, file_name, started_by, started_by_name, scope_prefix,
                            status, total_rows, accepted, started_at, alive_at)
                        values ('RESIDENT', 'stalled.xlsx', 1, 'test', '421381101', 'RUNNING', 3000, 2000, :at, :at)
                        returning id""").param("at", alive).query(Long.class).single();
    }

    private String status(long id) {
        return jdbc.sql("select status from registry_import where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    @Test
    void aJobSilentLongerThanTheStallPeriodEndsFailedWithItsCountsKeptAndALiveOneRuns() {
        long orphan = running(Duration.ofMinutes(20));
        long live = running(Duration.ofSeconds(10));

        assertThat(stalled.endStalled()).isGreaterThanOrEqualTo(1);

        assertThat(status(orphan)).isEqualTo("FAILED");
        assertThat(status(live)).isEqualTo("RUNNING");
        var ended = jdbc.sql("select failure, accepted, finished_at is not null from registry_import where id = :id")
                .param("id", orphan)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getBoolean(3)})
                .single();
        assertThat((String) ended[0]).contains("导入中断").contains("interrupted");
        assertThat(ended[1]).isEqualTo(2000);
        assertThat(ended[2]).isEqualTo(true);
        // No running job left behind for other tests.
        jdbc.sql("update registry_import set status = 'DONE' where id = :id")
                .param("id", live)
                .update();
    }
}
