package org.gridgov.registry.internal;

import java.time.Instant;
import java.util.List;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUsers;
import org.springframework.stereotype.Component;

/**
 * Writes what happened to a registry record into the change log under the signed-in user, and reads a record's
 * history back within the caller's scope; the same for residents, houses, households, places, organizations and a
 * deployment's registers and their entries.
 */
@Component
class RegistryHistory {

    private final ChangeLog log;
    private final RegistryScope scope;
    private final CurrentUsers users;

    RegistryHistory(ChangeLog log, RegistryScope scope, CurrentUsers users) {
        this.log = log;
        this.scope = scope;
        this.users = users;
    }

    void registered(String entity, long id, String gridCode, Instant at) {
        changed(entity, id, gridCode, List.of(new ChangeLog.Change("*", null, ChangeLog.REGISTERED)), null, at);
    }

    /** Records an import registered, under the uploader the job remembered rather than a signed-in request. */
    void imported(String entity, List<ChangeLog.Registered> records, ImportScope job, String note, Instant at) {
        log.registeredAll(entity, records, job.userId(), job.userName(), note, at);
    }

    void changed(String entity, long id, String gridCode, List<ChangeLog.Change> changes, String note, Instant at) {
        var user = users.require();
        log.append(entity, id, gridCode, changes, user.id(), user.realName(), note, at);
    }

    void retired(String entity, long id, String gridCode, String reason, Instant at) {
        changed(entity, id, gridCode, List.of(new ChangeLog.Change("retiredAt", null, at.toString())), reason, at);
    }

    PageResult<ChangeRow> page(String entity, long id, PageQuery page) {
        return page(entity, id, scope.data(), page);
    }

    /**
     * The history of a definition the whole deployment shares (a register's fields): no region's data, so every
     * reader of the definition reads all of it, whichever center made the change.
     */
    PageResult<ChangeRow> pageOfShared(String entity, long id, PageQuery page) {
        return page(entity, id, DataScope.region(""), page);
    }

    private PageResult<ChangeRow> page(String entity, long id, DataScope within, PageQuery page) {
        return PageResult.of(log.changes(entity, id, within, page), page, log.countChanges(entity, id, within));
    }

    /** The reason a retirement needs, stripped; 400 naming {@code reason} when missing or too long. */
    static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw ProblemException.invalid("reason", "required", "须说明注销原因（不超过 200 字）", "a reason is required");
        }
        return reason.strip();
    }

    /** The version a change was read at; 400 naming {@code version} when missing. */
    static int version(Integer version) {
        if (version == null) {
            throw ProblemException.invalid("version", "required", "须提供版本号", "version is required");
        }
        return version;
    }
}
