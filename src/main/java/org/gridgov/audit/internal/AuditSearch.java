package org.gridgov.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Finds audit records, newest first. */
@Service
public class AuditSearch {

    private final AuditRepository records;
    private final ObjectNames names;

    AuditSearch(AuditRepository records, ObjectNames names) {
        this.records = records;
        this.names = names;
    }

    // One snapshot for the page and its count.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResult<AuditRecord> search(AuditCriteria criteria, PageQuery page) {
        var filter = new AuditRepository.SearchFilter(
                utc(criteria.from()),
                utc(criteria.to()),
                criteria.username(),
                criteria.action() == null ? null : criteria.action().name(),
                criteria.objectType(),
                criteria.objectId(),
                criteria.result() == null ? null : criteria.result().name());
        long total = records.count(filter);
        return PageResult.of(labelled(records.search(filter, page)), page, total);
    }

    /** The records with the names of the users, organizations and objects they refer to, asked once per page. */
    private List<AuditRecord> labelled(List<ChainRow> rows) {
        var refs = new ArrayList<ObjectNames.Ref>();
        for (var row : rows) {
            refs.add(userRef(row));
            refs.add(organizationRef(row));
            refs.add(names.ref(row.objectType(), row.objectId()));
        }
        var labels = names.labels(refs);
        var content = new ArrayList<AuditRecord>(rows.size());
        for (var row : rows) {
            var object = names.ref(row.objectType(), row.objectId());
            content.add(AuditRecord.of(
                    row,
                    labels.get(userRef(row)),
                    labels.get(organizationRef(row)),
                    object == null ? null : object.type(),
                    object == null ? null : labels.get(object)));
        }
        return content;
    }

    private static ObjectNames.Ref userRef(ChainRow row) {
        return row.userId() == null
                ? null
                : new ObjectNames.Ref("user", row.userId().toString());
    }

    private static ObjectNames.Ref organizationRef(ChainRow row) {
        return row.organization() == null ? null : new ObjectNames.Ref("organization", row.organization());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
