package org.gridgov.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Finds audit records, newest first. */
@Service
public class AuditSearch {

    private final AuditRepository records;

    AuditSearch(AuditRepository records) {
        this.records = records;
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
        var content = records.search(filter, page).stream().map(AuditRecord::of).toList();
        return PageResult.of(content, page, total);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
