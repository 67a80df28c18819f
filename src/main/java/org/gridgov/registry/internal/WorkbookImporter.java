package org.gridgov.registry.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.common.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a registry workbook row by row and registers the rows that meet the rules, a chunk per transaction, for any
 * kind of register ({@link ImportRows}). A row is refused whole, with every problem it has; a chunk the database
 * refuses is retried row by row, so one bad row costs neither the rows before it nor its neighbours.
 */
@Component
class WorkbookImporter {

    private static final Logger log = LoggerFactory.getLogger(WorkbookImporter.class);

    /** Rows per transaction: large enough that commits do not dominate, small enough to hold a chunk in memory. */
    static final int CHUNK = 1000;

    private final ImportRepository imports;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WorkbookImporter(ImportRepository imports, PlatformTransactionManager transactions, Clock clock) {
        this.imports = imports;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A row that met the rules, waiting for its chunk, with what a later rejection would name it by. */
    private record Pending<P>(int rowNumber, P record, String label, String key) {}

    /** Runs a job to its end; never throws: a failure marks the job FAILED with the reason. */
    <P, R> void run(ImportScope job, Path file, SheetLayout layout, ImportRows<P, R> kind) {
        try (var workbook = new ReadableWorkbook(file.toFile());
                var rows = workbook.getFirstSheet().openStream()) {
            var pending = new ArrayList<Pending<P>>(CHUNK);
            var rejected = new ArrayList<ImportRejection>();
            int[] counts = new int[2]; // rows read, rows rejected in this chunk
            var writer = new ChunkWriter<>(job, kind);
            var iterator = rows.iterator();
            if (iterator.hasNext()) {
                iterator.next(); // the header, checked when the job started
            }
            while (iterator.hasNext()) {
                Row row = iterator.next();
                if (layout.blank(row) || kind.isExample(row, layout)) {
                    continue;
                }
                counts[0]++;
                var checked = kind.check(row, layout);
                String label = clip(kind.label(row, layout));
                String key = kind.key(row, layout);
                if (checked.problems().isEmpty()) {
                    pending.add(new Pending<>(row.getRowNum(), checked.record(), label, key));
                } else {
                    counts[1]++;
                    checked.problems().forEach(p -> rejected.add(rejection(row.getRowNum(), label, key, p)));
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

    /** Rows read and checked, handed to the writer as one transaction's worth. */
    private record Chunk<P>(List<Pending<P>> pending, List<ImportRejection> rejected, int read, int rejectedRows) {}

    /**
     * Prepares and inserts chunks on a thread of its own, in order, while the next chunk is read and checked: reading
     * and checking a workbook costs about as much as sealing and writing it, so the two halves overlap. At most two
     * chunks wait, which keeps memory flat however long the file.
     */
    private final class ChunkWriter<P, R> {

        private final ImportScope job;
        private final ImportRows<P, R> kind;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("import-writer").factory());
        private final Semaphore waiting = new Semaphore(2);
        private final List<Future<?>> written = new ArrayList<>();

        ChunkWriter(ImportScope job, ImportRows<P, R> kind) {
            this.job = job;
            this.kind = kind;
        }

        void submit(List<Pending<P>> pending, List<ImportRejection> rejected, int[] counts)
                throws InterruptedException {
            var chunk = new Chunk<>(List.copyOf(pending), List.copyOf(rejected), counts[0], counts[1]);
            pending.clear();
            rejected.clear();
            counts[0] = 0;
            counts[1] = 0;
            waiting.acquire();
            written.add(thread.submit(() -> {
                try {
                    write(job, kind, chunk);
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
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                thread.shutdownNow();
            }
        }
    }

    private <P, R> void write(ImportScope job, ImportRows<P, R> kind, Chunk<P> chunk) {
        var pending = chunk.pending();
        var rejected = new ArrayList<>(chunk.rejected());
        int[] counts = {chunk.read(), chunk.rejectedRows()};
        var rows = pending.stream().map(p -> kind.prepared(p.record())).toList();
        var taken = kind.taken(rows);
        var fresh = new ArrayList<R>(rows.size());
        var kept = new ArrayList<Pending<P>>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (taken.get(i)) {
                counts[1]++;
                rejected.add(rejection(pending.get(i), kind.alreadyRegistered()));
            } else {
                fresh.add(rows.get(i));
                kept.add(pending.get(i));
            }
        }
        var now = clock.instant();
        String note = "导入 import #" + job.importId();
        try {
            transaction.executeWithoutResult(tx -> {
                kind.insert(fresh, now, job, note);
                imports.reject(job, rejected);
                imports.progress(job, counts[0], fresh.size(), counts[1], clock.instant());
            });
        } catch (RuntimeException chunkFailed) {
            // Someone else may have registered one of these keys meanwhile, or one row breaks a constraint the
            // rules do not know: each row now goes alone, and only the rows the database refuses are lost.
            log.info("Import {}: chunk refused ({}), retrying row by row", job.importId(), chunkFailed.getMessage());
            int accepted = 0;
            for (int i = 0; i < fresh.size(); i++) {
                var row = fresh.get(i);
                try {
                    transaction.executeWithoutResult(tx -> kind.insert(List.of(row), now, job, note));
                    accepted++;
                } catch (RuntimeException rowFailed) {
                    counts[1]++;
                    rejected.add(rejection(
                            kept.get(i),
                            rowFailed instanceof DuplicateKeyException
                                    ? kind.alreadyRegistered()
                                    : new FieldProblem("*", "database", "数据库拒绝保存该行", "the database refused the row")));
                }
            }
            int added = accepted;
            transaction.executeWithoutResult(tx -> {
                imports.reject(job, rejected);
                imports.progress(job, counts[0], added, counts[1], clock.instant());
            });
        }
    }

    private static ImportRejection rejection(Pending<?> p, FieldProblem problem) {
        return rejection(p.rowNumber(), p.label(), p.key(), problem);
    }

    private static ImportRejection rejection(int rowNumber, String label, String key, FieldProblem problem) {
        return new ImportRejection(
                rowNumber, label, key, problem.field(), problem.code(), problem.message(), problem.messageEn());
    }

    private static String clip(String label) {
        return label == null || label.length() <= 50 ? label : label.substring(0, 50);
    }
}
