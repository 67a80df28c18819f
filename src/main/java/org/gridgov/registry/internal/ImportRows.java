package org.gridgov.registry.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.common.FieldProblem;
import org.gridgov.region.RegionApi;

/**
 * What one kind of register brings to an import job: how a row is checked against the form's rules (on the reading
 * thread, remembering the file's earlier rows), how a checked record is made ready and inserted with its history line
 * (on the writing thread), and which records the database holds already. A fresh instance serves one job.
 *
 * @param <P> a row that met the rules
 * @param <R> the record as it is inserted
 */
interface ImportRows<P, R> {

    /** A checked row: the record, or every problem the row has. */
    record Checked<P>(P record, List<FieldProblem> problems) {

        static <P> Checked<P> refused(List<FieldProblem> problems) {
            return new Checked<>(null, problems);
        }

        static <P> Checked<P> refused(FieldProblem problem) {
            return new Checked<>(null, List.of(problem));
        }
    }

    Checked<P> check(Row row, SheetLayout layout);

    /** Whether the row is the template's example row, which is skipped rather than registered. */
    boolean isExample(Row row, SheetLayout layout);

    /**
     * The problems of a row: what reading it found, then what the rules found in fields the reading did not already
     * fault (a number cell refused as an ID number is not also "missing").
     */
    static List<FieldProblem> merged(List<FieldProblem> read, List<FieldProblem> rules) {
        var faulted = read.stream().map(FieldProblem::field).collect(java.util.stream.Collectors.toSet());
        var all = new java.util.ArrayList<>(read);
        rules.stream().filter(p -> !faulted.contains(p.field())).forEach(all::add);
        return all;
    }

    /** What a rejection names the row by (a name, an address) and its key, masked if personal. */
    String label(Row row, SheetLayout layout);

    String key(Row row, SheetLayout layout);

    R prepared(P record);

    /** For each record, whether the database holds one with the same unique key already. */
    List<Boolean> taken(List<R> records);

    void insert(List<R> records, Instant now, ImportScope job, String note);

    /** The problem of a record whose unique key the database holds already. */
    FieldProblem alreadyRegistered();

    /** Whether a grid exists, each code asked of the region module once per job: rows name the same few grids. */
    static Predicate<String> rememberingGrids(RegionApi regions) {
        var known = new HashMap<String, Boolean>();
        return code -> known.computeIfAbsent(code, c -> regions.currentGrid(c).isPresent());
    }

    static FieldProblem outsideScope(String gridCode) {
        return new FieldProblem(
                "gridCode",
                "outside-scope",
                "网格 " + gridCode + " 不在您的管辖范围内",
                "grid " + gridCode + " lies outside your scope");
    }
}
