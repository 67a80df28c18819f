package org.gridgov.registry.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.common.FieldProblem;
import org.gridgov.region.RegionApi;

/** Resident rows of one import: the resident rules, one ID number per file and per register. */
final class ResidentRows implements ImportRows<ResidentRules.Checked, ResidentRow> {

    private final ImportScope job;
    private final ResidentRules rules;
    private final ResidentDesk desk;
    private final ResidentRepository residents;
    private final CodeSets codes;
    private final SeenNumbers seen = new SeenNumbers();
    private final Predicate<String> gridExists;

    private final RegistryHistory history;

    ResidentRows(
            ImportScope job,
            ResidentRules rules,
            ResidentDesk desk,
            ResidentRepository residents,
            RegistryHistory history,
            CodeSets codes,
            RegionApi regions) {
        this.job = job;
        this.history = history;
        this.rules = rules;
        this.desk = desk;
        this.residents = residents;
        this.codes = codes;
        this.gridExists = ImportRows.rememberingGrids(regions);
    }

    @Override
    public Checked<ResidentRules.Checked> check(Row row, SheetLayout layout) {
        var read = ResidentSheet.read(row, layout, codes);
        var outcome = rules.check(read.draft(), gridExists);
        var problems = ImportRows.merged(read.problems(), outcome.problems());
        if (!problems.isEmpty()) {
            return Checked.refused(problems);
        }
        var resident = outcome.resident();
        if (!job.covers(resident.gridCode())) {
            return Checked.refused(ImportRows.outsideScope(resident.gridCode()));
        }
        if (resident.idNumber() != null) {
            int first = seen.putIfAbsent(resident.idNumber(), row.getRowNum());
            if (first != 0) {
                return Checked.refused(new FieldProblem(
                        "idNumber",
                        "duplicate-in-file",
                        "身份证号与本文件第 " + first + " 行重复",
                        "the ID number is on row " + first + " of this file already"));
            }
        }
        return new Checked<>(resident, List.of());
    }

    @Override
    public boolean isExample(Row row, SheetLayout layout) {
        return layout.isExample(row, ResidentSheet.EXAMPLE);
    }

    @Override
    public String label(Row row, SheetLayout layout) {
        return layout.get(row, ResidentSheet.Column.NAME);
    }

    @Override
    public String key(Row row, SheetLayout layout) {
        return masked(layout.get(row, ResidentSheet.Column.ID_NUMBER));
    }

    @Override
    public ResidentRow prepared(ResidentRules.Checked resident) {
        return desk.sealed(0, resident, 0);
    }

    @Override
    public List<Boolean> taken(List<ResidentRow> rows) {
        var hashes = rows.stream()
                .map(ResidentRow::idNumberHash)
                .filter(h -> h != null)
                .toList();
        var taken = new HashSet<ByteBuffer>();
        residents.takenNumbers(hashes).forEach(h -> taken.add(ByteBuffer.wrap(h)));
        return rows.stream()
                .map(r -> r.idNumberHash() != null && taken.contains(ByteBuffer.wrap(r.idNumberHash())))
                .toList();
    }

    @Override
    public void insert(List<ResidentRow> rows, Instant now, ImportScope job, String note) {
        history.imported(ResidentDesk.ENTITY, residents.insertAll(rows, now), job, note, now);
    }

    @Override
    public FieldProblem alreadyRegistered() {
        return new FieldProblem("idNumber", "duplicate", "该身份证号已登记", "a resident with this ID number is registered");
    }

    /** The ID number as a refused row gave it, its middle hidden; a text too short to be one is hidden whole. */
    static String masked(String text) {
        if (text == null) {
            return null;
        }
        return text.length() < 10
                ? "*".repeat(text.length())
                : text.substring(0, 6) + "*".repeat(text.length() - 10) + text.substring(text.length() - 4);
    }
}
