package org.gridgov.registry.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.common.FieldProblem;
import org.gridgov.region.RegionApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a resident workbook row by row and registers the rows that meet the rules, a chunk per transaction. A row is
 * refused whole, with every problem it has; a chunk the database refuses is retried row by row, so one bad row costs
 * neither the rows before it nor its neighbours.
 */
@Component
class ResidentImporter {

    private static final Logger log = LoggerFactory.getLogger(ResidentImporter.class);

    /** Rows per transaction: large enough that commits do not dominate, small enough to hold a chunk in memory. */
    static final int CHUNK = 1000;

    private final ResidentRules rules;
    private final ResidentDesk desk;
    private final ResidentRepository residents;
    private final ImportRepository imports;
    private final CodeSets codes;
    private final RegionApi regions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ResidentImporter(
            ResidentRules rules,
            ResidentDesk desk,
            ResidentRepository residents,
            ImportRepository imports,
            CodeSets codes,
            RegionApi regions,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.rules = rules;
        this.desk = desk;
        this.residents = residents;
        this.imports = imports;
        this.codes = codes;
        this.regions = regions;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A row that met the rules, waiting for its chunk. */
    private record Pending(int rowNumber, ResidentRules.Checked resident, String idText) {}

    /** Runs a job to its end; never throws: a failure marks the job FAILED with the reason. */
    void run(ImportScope job, Path file, SheetLayout layout) {
        try (var workbook = new ReadableWorkbook(file.toFile());
                var rows = workbook.getFirstSheet().openStream()) {
            var seen = new SeenNumbers();
            Map<String, Boolean> grids = new HashMap<>();
            Predicate<String> gridExists = code ->
                    grids.computeIfAbsent(code, c -> regions.currentGrid(c).isPresent());
            var pending = new ArrayList<Pending>(CHUNK);
            var rejected = new ArrayList<ImportRejection>();
            int[] counts = new int[2]; // rows read, rows rejected in this chunk
            var writer = new ChunkWriter(job);
            var iterator = rows.iterator();
            if (iterator.hasNext()) {
                iterator.next(); // the header, checked when the job started
            }
            while (iterator.hasNext()) {
                Row row = iterator.next();
                if (layout.blank(row)) {
                    continue;
                }
                counts[0]++;
                var problems = check(job, row, layout, gridExists, seen, pending);
                if (!problems.isEmpty()) {
                    counts[1]++;
                    rejected.addAll(rejections(row, layout, problems));
                }
                if (counts[0] % CHUNK == 0) {
                    writer.submit(pending, rejected, counts);
                }
            }
            writer.submit(pending, rejected, counts);
            writer.finish();
            imports.finish(job, ImportStatus.DONE, null, clock.instant());
        } catch (Exception e) {
            log.warn("Import {} failed", job.importId(), e);
            imports.finish(
                    job, ImportStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        } finally {
            file.toFile().delete();
        }
    }

    /** Checks a row; a row that passes joins the pending chunk, and the problems of one that does not are answered. */
    private List<FieldProblem> check(
            ImportScope job,
            Row row,
            SheetLayout layout,
            Predicate<String> gridExists,
            SeenNumbers seen,
            List<Pending> pending) {
        var read = ResidentSheet.read(row, layout, codes);
        var outcome = rules.check(read.draft(), gridExists);
        var problems = new ArrayList<>(read.problems());
        problems.addAll(outcome.problems());
        if (!problems.isEmpty()) {
            return problems;
        }
        var resident = outcome.resident();
        if (!job.covers(resident.gridCode())) {
            return List.of(new FieldProblem(
                    "gridCode",
                    "outside-scope",
                    "网格 " + resident.gridCode() + " 不在您的管辖范围内",
                    "grid " + resident.gridCode() + " lies outside your scope"));
        }
        if (resident.idNumber() != null) {
            int first = seen.putIfAbsent(resident.idNumber(), row.getRowNum());
            if (first != 0) {
                return List.of(new FieldProblem(
                        "idNumber",
                        "duplicate-in-file",
                        "身份证号与本文件第 " + first + " 行重复",
                        "the ID number is on row " + first + " of this file already"));
            }
        }
        pending.add(new Pending(row.getRowNum(), resident, read.draft().idNumber()));
        return List.of();
    }

    /** Rows read and checked, handed to the writer as one transaction's worth. */
    private record Chunk(List<Pending> pending, List<ImportRejection> rejected, int read, int rejectedRows) {}

    /**
     * Seals and inserts chunks on a thread of its own, in order, while the next chunk is read and checked: reading
     * and checking a workbook costs about as much as sealing and writing it, so the two halves overlap. At most two
     * chunks wait, which keeps memory flat however long the file.
     */
    private final class ChunkWriter {

        private final ImportScope job;
        private final java.util.concurrent.ExecutorService thread =
                java.util.concurrent.Executors.newSingleThreadExecutor(
                        Thread.ofVirtual().name("import-writer").factory());
        private final java.util.concurrent.Semaphore waiting = new java.util.concurrent.Semaphore(2);
        private final List<java.util.concurrent.Future<?>> written = new ArrayList<>();

        ChunkWriter(ImportScope job) {
            this.job = job;
        }

        void submit(List<Pending> pending, List<ImportRejection> rejected, int[] counts) throws InterruptedException {
            var chunk = new Chunk(List.copyOf(pending), List.copyOf(rejected), counts[0], counts[1]);
            pending.clear();
            rejected.clear();
            counts[0] = 0;
            counts[1] = 0;
            waiting.acquire();
            written.add(thread.submit(() -> {
                try {
                    write(job, chunk);
                } finally {
                    waiting.release();
                }
            }));
        }

        /** Waits for every chunk; the first that failed fails the job. */
        void finish() throws Exception {
            thread.shutdown();
            try {
                for (var f : written) {
                    f.get();
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                thread.shutdownNow();
            }
        }
    }

    private void write(ImportScope job, Chunk chunk) {
        var pending = chunk.pending();
        var rejected = new ArrayList<>(chunk.rejected());
        int[] counts = {chunk.read(), chunk.rejectedRows()};
        var rows = new ArrayList<ResidentRow>(pending.size());
        var kept = new ArrayList<Pending>(pending.size());
        var hashes = new ArrayList<byte[]>();
        for (var p : pending) {
            var row = desk.sealed(0, p.resident(), 0);
            rows.add(row);
            if (row.idNumberHash() != null) {
                hashes.add(row.idNumberHash());
            }
        }
        var taken = new HashSet<ByteBuffer>();
        residents.takenNumbers(hashes).forEach(h -> taken.add(ByteBuffer.wrap(h)));
        var fresh = new ArrayList<ResidentRow>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (row.idNumberHash() != null && taken.contains(ByteBuffer.wrap(row.idNumberHash()))) {
                counts[1]++;
                rejected.add(rejection(pending.get(i), alreadyRegistered()));
            } else {
                fresh.add(row);
                kept.add(pending.get(i));
            }
        }
        var now = clock.instant();
        String note = "导入 import #" + job.importId();
        try {
            transaction.executeWithoutResult(tx -> {
                residents.insertAll(fresh, now, job.userId(), job.userName(), note);
                imports.reject(job, rejected);
                imports.progress(job, counts[0], fresh.size(), counts[1]);
            });
        } catch (RuntimeException chunkFailed) {
            // Someone else may have registered one of these numbers meanwhile, or one row breaks a constraint the
            // rules do not know: each row now goes alone, and only the rows the database refuses are lost.
            log.info("Import {}: chunk refused ({}), retrying row by row", job.importId(), chunkFailed.getMessage());
            int accepted = 0;
            for (int i = 0; i < fresh.size(); i++) {
                var row = fresh.get(i);
                try {
                    transaction.executeWithoutResult(
                            tx -> residents.insertAll(List.of(row), now, job.userId(), job.userName(), note));
                    accepted++;
                } catch (RuntimeException rowFailed) {
                    counts[1]++;
                    rejected.add(rejection(
                            kept.get(i),
                            rowFailed instanceof org.springframework.dao.DuplicateKeyException
                                    ? alreadyRegistered()
                                    : new FieldProblem("*", "database", "数据库拒绝保存该行", "the database refused the row")));
                }
            }
            int added = accepted;
            transaction.executeWithoutResult(tx -> {
                imports.reject(job, rejected);
                imports.progress(job, counts[0], added, counts[1]);
            });
        }
    }

    private static FieldProblem alreadyRegistered() {
        return new FieldProblem("idNumber", "duplicate", "该身份证号已登记", "a resident with this ID number is registered");
    }

    private static ImportRejection rejection(Pending p, FieldProblem problem) {
        return new ImportRejection(
                p.rowNumber(),
                p.resident().name(),
                masked(p.idText()),
                problem.field(),
                problem.code(),
                problem.message(),
                problem.messageEn());
    }

    private static List<ImportRejection> rejections(Row row, SheetLayout layout, List<FieldProblem> problems) {
        String name = layout.get(row, ResidentSheet.Column.NAME);
        String id = masked(layout.get(row, ResidentSheet.Column.ID_NUMBER));
        return problems.stream()
                .map(p -> new ImportRejection(
                        row.getRowNum(),
                        name == null || name.length() <= 50 ? name : name.substring(0, 50),
                        id,
                        p.field(),
                        p.code(),
                        p.message(),
                        p.messageEn()))
                .toList();
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
