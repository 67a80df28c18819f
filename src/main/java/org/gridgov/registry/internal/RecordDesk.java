package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.region.RegionApi;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a desk does with the registry records it keeps, the same for houses, places and organizations: adds them,
 * changes them under the version the caller read (each changed field into the history), retires them with a reason,
 * searches and shows them, all within the caller's scope. A desk brings its record's rules, its history lines and its
 * views.
 *
 * @param <F> a record's own fields as its table keeps them
 * @param <X> the table's search filter
 * @param <Q> the query of a search
 * @param <D> a record as a form sends it
 * @param <L> a record as a search lists it
 * @param <V> a record as it is shown, and answered after a change
 */
@Transactional
public abstract class RecordDesk<
        F extends RecordTable.InGrid, X extends RecordTable.Filter, Q, D extends RecordDesk.Draft, L, V> {

    /** A record as a form sends it; {@code version}, the one the caller read, only on change. */
    public interface Draft {
        Integer version();
    }

    /**
     * What names a desk's records: the entity of their history lines, the word for one in messages (Chinese, then
     * English), and the table they are retired in.
     */
    record Kind(String entity, String label, String labelEn, Retirements.Table table) {}

    private final Kind kind;
    private final RecordTable<F, X> table;
    final RegistryScope scope;
    final RegistryHistory history;
    final Retirements retirements;
    final Phones phones;
    final CodeSets codes;
    final RegionApi regions;
    final GridNames gridNames;
    final Clock clock;

    RecordDesk(
            Kind kind,
            RecordTable<F, X> table,
            RegistryScope scope,
            RegistryHistory history,
            Retirements retirements,
            Phones phones,
            CodeSets codes,
            RegionApi regions,
            GridNames gridNames,
            Clock clock) {
        this.kind = kind;
        this.table = table;
        this.scope = scope;
        this.history = history;
        this.retirements = retirements;
        this.phones = phones;
        this.codes = codes;
        this.regions = regions;
        this.gridNames = gridNames;
        this.clock = clock;
    }

    /** The form's rules on a draft, the problems collected in {@code fields}; an import runs them row by row. */
    abstract F checked(D draft, F before, Fields fields);

    /** The fields that differ between two states of a record, as its history lines. */
    abstract Diff diff(F before, F after);

    /** The table's filter of a search in the caller's scope. */
    abstract X filter(Q query);

    /** A record as a list shows it, with its grid's name from {@code gridName}. */
    abstract L listed(RecordTable.Row<F> row, Function<String, String> gridName);

    abstract V shown(RecordTable.Row<F> row, Function<String, String> gridName);

    /** Refuses to retire a record that others still stand on; nothing by default. */
    void requireRetirable(long id) {}

    long insert(F fields, Instant now) {
        return table.insert(fields, now);
    }

    /** False when somebody changed the record since {@code version} or it is retired. */
    boolean write(long id, F fields, int version, Instant now) {
        return table.update(id, fields, version, now);
    }

    @Transactional(readOnly = true)
    public PageResult<L> search(Q query, PageQuery page) {
        var filter = filter(query);
        var rows = table.search(filter, page);
        var names =
                gridNames.lookup(rows.stream().map(r -> r.fields().gridCode()).toList());
        return PageResult.of(rows.stream().map(r -> listed(r, names)).toList(), page, table.count(filter));
    }

    /** Every record a search finds in the caller's scope, masked, one at a time through a cursor. */
    @Transactional(readOnly = true)
    public void forEachFound(Q query, Consumer<L> each) {
        var names = gridNames.lookup(java.util.List.of());
        table.forEach(filter(query), row -> each.accept(listed(row, names)));
    }

    @Transactional(readOnly = true)
    public V get(long id) {
        var row = visible(id);
        return shown(row, gridNames.lookup(java.util.List.of(row.fields().gridCode())));
    }

    public V create(D draft) {
        var fields = checked(draft, null);
        var now = clock.instant();
        long id = insert(fields, now);
        history.registered(kind.entity(), id, fields.gridCode(), now);
        return get(id);
    }

    public V update(long id, D draft) {
        var before = visible(id);
        RecordState.requireActive(before.state(), kind.label());
        int version = RegistryHistory.version(draft.version());
        var after = checked(draft, before.fields());
        var now = clock.instant();
        if (version != before.state().version() || !write(id, after, version, now)) {
            throw stale();
        }
        var changes = diff(before.fields(), after).changes();
        history.changed(kind.entity(), id, after.gridCode(), changes, null, now);
        return get(id);
    }

    /** Retires a record (closed, moved away, demolished, entered in error): logical, with a reason. */
    public V retire(long id, Integer version, String reason) {
        var before = visible(id);
        String why = RegistryHistory.reason(reason);
        int seen = RegistryHistory.version(version);
        requireRetirable(id);
        var now = clock.instant();
        if (!retirements.retire(kind.table(), id, seen, why, now)) {
            throw stale();
        }
        history.retired(kind.entity(), id, before.fields().gridCode(), why, now);
        return get(id);
    }

    @Transactional(readOnly = true)
    public PageResult<ChangeRow> history(long id, PageQuery page) {
        visible(id);
        return history.page(kind.entity(), id, page);
    }

    /** The record if it lies in the caller's scope, else a 404. */
    RecordTable.Row<F> visible(long id) {
        return RegistryScope.visible(table.find(id, scope.data()), kind.label(), kind.labelEn());
    }

    private F checked(D draft, F before) {
        var fields = new Fields(codes, regions);
        var checked = checked(draft, before, fields);
        fields.verify();
        scope.requireCovers(checked.gridCode());
        return checked;
    }

    private ProblemException stale() {
        return RecordState.stale(kind.label(), kind.labelEn());
    }
}
