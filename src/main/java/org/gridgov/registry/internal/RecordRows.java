package org.gridgov.registry.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.common.FieldProblem;
import org.gridgov.region.RegionApi;

/**
 * House, place or organization rows of one import: each row read by the register's sheet and checked by its form's
 * rules, in the uploader's scope; where the register has a unique key (the credit code), once per file and once in
 * the register.
 *
 * @param <D> the form's draft
 * @param <F> the checked fields as the repository inserts them
 */
final class RecordRows<D, F> implements ImportRows<F, F> {

    /** What a register brings: its form's rules, its grid and unique key, and its insert. */
    record Register<D, F>(
            String entity,
            RecordSheet<D, ?> sheet,
            BiFunction<D, Fields, F> checked,
            Function<F, String> grid,
            Function<F, String> uniqueKey,
            Function<List<String>, Set<String>> keysTaken,
            FieldProblem keyTakenProblem,
            BiFunction<List<F>, Instant, List<Long>> insert) {}

    private final ImportScope job;
    private final Register<D, F> register;
    private final RegistryHistory history;
    private final CodeSets codes;
    private final RegionApi regions;
    private final Map<String, Integer> seenKeys = new HashMap<>();
    private final Predicate<String> gridExists;

    RecordRows(ImportScope job, Register<D, F> register, RegistryHistory history, CodeSets codes, RegionApi regions) {
        this.job = job;
        this.register = register;
        this.history = history;
        this.codes = codes;
        this.regions = regions;
        this.gridExists = ImportRows.rememberingGrids(regions);
    }

    @Override
    public Checked<F> check(Row row, SheetLayout layout) {
        var read = register.sheet().read(row, layout);
        var fields = new Fields(codes, regions, gridExists);
        var record = register.checked().apply(read.draft(), fields);
        var problems = ImportRows.merged(read.problems(), fields.problems());
        if (!problems.isEmpty()) {
            return Checked.refused(problems);
        }
        String grid = register.grid().apply(record);
        if (!job.covers(grid)) {
            return Checked.refused(ImportRows.outsideScope(grid));
        }
        String key = register.uniqueKey().apply(record);
        if (key != null) {
            Integer first = seenKeys.putIfAbsent(key, row.getRowNum());
            if (first != null) {
                var taken = register.keyTakenProblem();
                return Checked.refused(new FieldProblem(
                        taken.field(),
                        "duplicate-in-file",
                        "与本文件第 " + first + " 行重复",
                        "the same " + taken.field() + " is on row " + first + " of this file already"));
            }
        }
        return new Checked<>(record, List.of());
    }

    @Override
    public boolean isExample(Row row, SheetLayout layout) {
        return layout.isExample(row, register.sheet().example());
    }

    @Override
    public String label(Row row, SheetLayout layout) {
        return register.sheet().label(row, layout);
    }

    @Override
    public String key(Row row, SheetLayout layout) {
        return register.sheet().key(row, layout);
    }

    @Override
    public F prepared(F record) {
        return record;
    }

    @Override
    public List<Boolean> taken(List<F> records) {
        var keys = records.stream()
                .map(register.uniqueKey())
                .filter(Objects::nonNull)
                .toList();
        var taken = keys.isEmpty() ? Set.<String>of() : register.keysTaken().apply(keys);
        return records.stream()
                .map(r -> {
                    String key = register.uniqueKey().apply(r);
                    return key != null && taken.contains(key);
                })
                .toList();
    }

    @Override
    public void insert(List<F> records, Instant now, ImportScope job, String note) {
        var ids = register.insert().apply(records, now);
        var registered = new java.util.ArrayList<ChangeLog.Registered>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            registered.add(new ChangeLog.Registered(ids.get(i), register.grid().apply(records.get(i))));
        }
        history.imported(register.entity(), registered, job, note, now);
    }

    @Override
    public FieldProblem alreadyRegistered() {
        return register.keyTakenProblem();
    }
}
