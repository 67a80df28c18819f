package org.gridgov.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.identity.Role;
import org.gridgov.identity.ScopeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts with their roles and grids. */
@ScopedData(tables = {"app_user", "organization", "user_role", "user_grid", "password_history"})
@Repository
class UserRepository {

    private static final String COLUMNS = """
            u.id, u.username, u.real_name, u.phone_cipher, u.phone_hash, u.organization_id, o.code as org_code,
            o.name as org_name, u.scope_kind, u.scope_code, u.status, u.password_hash, u.password_changed_at,
            u.failed_logins, u.locked_until, u.totp_secret, u.created_at,
            array(select r.role from user_role r where r.user_id = u.id order by r.role) as roles,
            array(select g.grid_code from user_grid g where g.user_id = u.id order by g.grid_code) as grids""";

    private static final String FROM = " from app_user u left join organization o on o.id = u.organization_id ";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserRow> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + FROM + "where u.username = :username")
                .param("username", username)
                .query(UserRepository::row)
                .optional();
    }

    Optional<UserRow> findById(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + "where u.id = :id")
                .param("id", id)
                .query(UserRepository::row)
                .optional();
    }

    /** Accounts whose scope lies within {@code scopePrefix}, optionally filtered by a name fragment. */
    List<UserRow> list(String scopePrefix, String fragment, PageQuery page) {
        return jdbc.sql(
                        "select " + COLUMNS + FROM + "where u.scope_code like :scope || '%'"
                                + " and (cast(:fragment as text) is null or u.username like '%' || :fragment || '%'"
                                + " or u.real_name like '%' || :fragment || '%') order by u.username limit :limit offset :offset")
                .param("scope", scopePrefix)
                .param("fragment", fragment)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(UserRepository::row)
                .list();
    }

    long count(String scopePrefix, String fragment) {
        return jdbc.sql("select count(*) from app_user u where u.scope_code like :scope || '%'"
                        + " and (cast(:fragment as text) is null or u.username like '%' || :fragment || '%'"
                        + " or u.real_name like '%' || :fragment || '%')")
                .param("scope", scopePrefix)
                .param("fragment", fragment)
                .query(Long.class)
                .single();
    }

    long insert(NewUser user, Instant now) {
        long id = jdbc.sql("""
                        insert into app_user (username, real_name, phone_cipher, phone_hash, organization_id,
                            scope_kind, scope_code, status, password_hash, password_changed_at, created_at)
                        values (:username, :realName, :phoneCipher, :phoneHash, :org, :scopeKind, :scopeCode,
                            'ACTIVE', :hash, :changedAt, :now)
                        returning id""")
                .param("username", user.username())
                .param("realName", user.realName())
                .param("phoneCipher", user.phoneCipher())
                .param("phoneHash", user.phoneHash())
                .param("org", user.organizationId())
                .param("scopeKind", user.scopeKind().name())
                .param("scopeCode", user.scopeCode())
                .param("hash", user.passwordHash())
                .param("changedAt", Timestamp.from(user.passwordChangedAt()))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        replaceRoles(id, user.roles());
        replaceGrids(id, user.gridCodes());
        rememberPassword(id, user.passwordHash(), now);
        return id;
    }

    void setStatus(long id, String status) {
        jdbc.sql("update app_user set status = :status where id = :id")
                .param("status", status)
                .param("id", id)
                .update();
    }

    void updateScope(long id, ScopeKind kind, String code, List<String> gridCodes) {
        jdbc.sql("update app_user set scope_kind = :kind, scope_code = :code where id = :id")
                .param("kind", kind.name())
                .param("code", code)
                .param("id", id)
                .update();
        replaceGrids(id, gridCodes);
    }

    void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from user_role where user_id = :id").param("id", id).update();
        for (var role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (:id, :role)")
                    .param("id", id)
                    .param("role", role.name())
                    .update();
        }
    }

    /** Active and disabled accounts covering a grid or a grid below it. */
    long countCovering(String gridCode) {
        return jdbc.sql("select count(distinct user_id) from user_grid where grid_code like :grid || '%'")
                .param("grid", gridCode)
                .query(Long.class)
                .single();
    }

    /**
     * Hands the cover of a grid and the grids below it to another grid; answers the accounts whose grids changed. An
     * account already covering the other grid keeps that one row.
     */
    List<Long> moveCover(String fromGridCode, String toGridCode) {
        var moved = jdbc
                .sql("delete from user_grid where grid_code like :grid || '%' returning user_id")
                .param("grid", fromGridCode)
                .query(Long.class)
                .list()
                .stream()
                .distinct()
                .toList();
        for (long user : moved) {
            jdbc.sql("insert into user_grid (user_id, grid_code) values (:id, :code) on conflict do nothing")
                    .param("id", user)
                    .param("code", toGridCode)
                    .update();
        }
        return moved;
    }

    private void replaceGrids(long id, List<String> gridCodes) {
        jdbc.sql("delete from user_grid where user_id = :id").param("id", id).update();
        for (var code : gridCodes) {
            jdbc.sql("insert into user_grid (user_id, grid_code) values (:id, :code)")
                    .param("id", id)
                    .param("code", code)
                    .update();
        }
    }

    /**
     * Sets the password and remembers its hash; {@code changedAt} is when it counts as set (an expired moment for
     * passwords that must be changed), {@code now} when it really was.
     */
    void setPassword(long id, String hash, Instant changedAt, Instant now) {
        jdbc.sql("update app_user set password_hash = :hash, password_changed_at = :at where id = :id")
                .param("hash", hash)
                .param("at", Timestamp.from(changedAt))
                .param("id", id)
                .update();
        rememberPassword(id, hash, now);
    }

    /** The hashes of the account's last {@code count} passwords, newest first; the current one included. */
    List<String> recentPasswordHashes(long id, int count) {
        return jdbc.sql("""
                        select password_hash from password_history where user_id = :id
                        order by set_at desc, id desc limit :count""")
                .param("id", id)
                .param("count", count)
                .query(String.class)
                .list();
    }

    /** Keeps the hash of a password just set, and forgets all but the last {@link PasswordPolicy#REMEMBERED}. */
    private void rememberPassword(long id, String hash, Instant now) {
        jdbc.sql("insert into password_history (user_id, password_hash, set_at) values (:id, :hash, :at)")
                .param("id", id)
                .param("hash", hash)
                .param("at", Timestamp.from(now))
                .update();
        jdbc.sql("""
                        delete from password_history where user_id = :id and id not in (
                            select id from password_history where user_id = :id
                            order by set_at desc, id desc limit :keep)""").param("id", id).param("keep", PasswordPolicy.REMEMBERED).update();
    }

    void setTotpSecret(long id, String secret) {
        jdbc.sql("update app_user set totp_secret = :secret where id = :id")
                .param("secret", secret)
                .param("id", id)
                .update();
    }

    /** Counts a failed sign-in and locks the account once {@code max} failures follow each other. */
    void recordFailure(long id, int max, Instant lockUntil) {
        jdbc.sql("""
                        update app_user set failed_logins = case when failed_logins + 1 >= :max then 0
                                else failed_logins + 1 end,
                            locked_until = case when failed_logins + 1 >= :max then :lockUntil else locked_until end
                        where id = :id""")
                .param("max", max)
                .param("lockUntil", Timestamp.from(lockUntil))
                .param("id", id)
                .update();
    }

    void recordSuccess(long id) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = :id")
                .param("id", id)
                .update();
    }

    boolean exists(String username) {
        return jdbc.sql("select exists (select 1 from app_user where username = :username)")
                .param("username", username)
                .query(Boolean.class)
                .single();
    }

    long countAll() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    private static UserRow row(ResultSet rs, int n) throws SQLException {
        // Roles and grids come in the same row: this runs for every request of a signed-in session.
        long id = rs.getLong("id");
        var roles = EnumSet.noneOf(Role.class);
        for (var role : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(role));
        }
        var grids = List.of((String[]) rs.getArray("grids").getArray());
        var locked = rs.getTimestamp("locked_until");
        return new UserRow(
                id,
                rs.getString("username"),
                rs.getString("real_name"),
                rs.getBytes("phone_cipher"),
                rs.getObject("organization_id", Long.class),
                rs.getString("org_code"),
                rs.getString("org_name"),
                ScopeKind.valueOf(rs.getString("scope_kind")),
                rs.getString("scope_code"),
                rs.getString("status"),
                rs.getString("password_hash"),
                rs.getTimestamp("password_changed_at").toInstant(),
                rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant(),
                rs.getString("totp_secret"),
                Set.copyOf(roles),
                List.copyOf(grids));
    }
}
