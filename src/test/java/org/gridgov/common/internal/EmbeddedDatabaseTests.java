package org.gridgov.common.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTests {

    @TempDir
    Path dataDir;

    @Test
    void durableServerSyncsCommitsAndKeepsDataAcrossRestarts() throws Exception {
        try (var first = start()) {
            var db = first.getPostgresDatabase();
            assertThat(setting(db, "fsync")).isEqualTo("on");
            assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(db, "full_page_writes")).isEqualTo("on");
            try (var c = db.getConnection();
                    var s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('survives')");
            }
        }
        try (var second = start();
                var c = second.getPostgresDatabase().getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("survives");
        }
    }

    @Test
    void stoppingTheApplicationStopsItsDurableServer() throws Exception {
        var server = new EmbeddedDatabaseConfiguration()
                .embeddedServer(new EmbeddedDatabaseSettings(dataDir.toString(), 0, false));
        var db = server.postgres().getPostgresDatabase();
        try (var c = db.getConnection()) {
            assertThat(c.isValid(5)).isTrue();
        }
        server.close();
        assertThatThrownBy(db::getConnection).isInstanceOf(SQLException.class);
    }

    private EmbeddedPostgres start() throws Exception {
        return EmbeddedDatabaseConfiguration.durable(
                        EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false))
                .start();
    }

    private static String setting(DataSource db, String name) throws SQLException {
        try (var c = db.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
