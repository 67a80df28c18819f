package org.gridgov.registry.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUsers;
import org.springframework.stereotype.Service;

/**
 * Starts imports of registry workbooks (residents, houses, places, organizations) for the signed-in caller and reports on them. The file is checked before the job starts
 * (an xlsx, not empty, the template's headers), so that what cannot be imported at all is refused at once; the rows
 * are then read in the background, within the scope the caller had when uploading.
 */
@Service
public class RegistryImports {

    private final ResidentScope scope;
    private final ImportRepository imports;
    private final WorkbookImporter importer;
    private final ImportKinds kinds;
    private final CurrentUsers users;
    private final PersonalReads reads;
    private final Clock clock;
    private final ExecutorService jobs = Executors.newVirtualThreadPerTaskExecutor();

    RegistryImports(
            ResidentScope scope,
            ImportRepository imports,
            WorkbookImporter importer,
            ImportKinds kinds,
            CurrentUsers users,
            PersonalReads reads,
            Clock clock) {
        this.kinds = kinds;
        this.scope = scope;
        this.imports = imports;
        this.importer = importer;
        this.users = users;
        this.reads = reads;
        this.clock = clock;
    }

    /**
     * Keeps the upload in a file of its own and starts the job.
     *
     * @throws ProblemException 400 naming the file when it is empty, not an xlsx, or lacks the template's columns
     */
    public ImportView start(RecordKind kind, String fileName, InputStream content) {
        var user = users.require();
        var within = scope.data();
        Path file = null;
        try {
            file = Files.createTempFile("gridgov-import-", ".xlsx");
            Files.copy(content, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            var layout = layout(file, kinds.columns(kind));
            String name = fileName == null || fileName.isBlank()
                    ? kind.name().toLowerCase(java.util.Locale.ROOT) + ".xlsx"
                    : fileName.strip();
            long id = imports.start(
                    kind.name(),
                    name.length() > 200 ? name.substring(0, 200) : name,
                    user.id(),
                    user.realName(),
                    within.prefix(),
                    clock.instant());
            var job = new ImportScope(id, user.id(), user.realName(), within);
            Path owned = file;
            var rows = kinds.rows(kind, job);
            jobs.submit(() -> importer.run(job, owned, layout, rows));
            file = null;
            return get(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private static SheetLayout layout(Path file, List<? extends SheetColumn> columns) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (var in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read == 0) {
            throw badFile("empty", "文件为空", "the file is empty");
        }
        if (read < head.length || !ReadableWorkbook.isOOXMLZipHeader(head)) {
            throw ReadableWorkbook.isOLE2Header(head)
                    ? badFile("format", "不支持旧版 xls 文件，请另存为 xlsx", "xls is not supported; save the file as xlsx")
                    : badFile("format", "文件不是 Excel（xlsx）工作簿", "the file is not an xlsx workbook");
        }
        try (var workbook = new ReadableWorkbook(file.toFile());
                var rows = workbook.getFirstSheet().openStream()) {
            var iterator = rows.iterator();
            if (!iterator.hasNext()) {
                throw badFile("empty", "工作表为空，第一行应为列标题", "the sheet is empty; the first row must hold the headers");
            }
            var outcome = SheetLayout.of(iterator.next(), columns);
            if (outcome.layout() == null) {
                throw ProblemException.invalid(outcome.problems());
            }
            if (!iterator.hasNext()) {
                throw badFile("empty", "文件只有标题行，没有数据", "the file has headers but no rows");
            }
            return outcome.layout();
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A truncated package fails as a ZipException (an IOException) on opening; damaged sheet XML with
            // unchecked exceptions of fastexcel's own. Either way the upload, not the server, is at fault.
            throw badFile(
                    "format", "无法读取该 xlsx 文件（文件可能已损坏或不完整）", "the xlsx file cannot be read (damaged or incomplete)");
        }
    }

    private static ProblemException badFile(String code, String message, String messageEn) {
        return ProblemException.invalid(List.of(new FieldProblem("file", code, message, messageEn)));
    }

    /** A job the caller started, or one under the caller's scope; otherwise a 404. */
    public ImportView get(long id) {
        return imports.find(id, users.require().id(), scope.data())
                .orElseThrow(() -> ProblemException.notFound("导入任务不存在", "No such import"));
    }

    public PageResult<ImportRejection> rejections(long id, PageQuery page) {
        var job = get(id);
        var shown = shown(job);
        return PageResult.of(
                imports.rejections(id, page).stream().map(shown).toList(), page, imports.countRejections(id));
    }

    /** How a rejection of this job is shown to the caller: a resident row's ID number as {@link Disclosure} allows. */
    private java.util.function.UnaryOperator<ImportRejection> shown(ImportView job) {
        if (RecordKind.valueOf(job.kind()) != RecordKind.RESIDENT) {
            return r -> r;
        }
        var disclosure = Disclosure.of(users.require());
        return r -> r.as(disclosure);
    }

    /**
     * Writes the rejections of a job as a workbook: row, what the row is named by (the register's label column and,
     * where it has one, its key column, masked if personal), field and reason.
     */
    public void writeRejections(ImportView job, OutputStream out) throws IOException {
        long id = job.id();
        var kind = RecordKind.valueOf(job.kind());
        var headers = new ArrayList<String>(List.of("行号 Row", kind.labelTitle()));
        boolean keyed = kind.keyTitle() != null;
        if (keyed) {
            headers.add(kind.keyTitle());
        }
        headers.addAll(List.of("字段 Field", "代码 Code", "原因", "Reason"));
        var workbook = new Workbook(out, "GridGov", "1.0");
        var sheet = workbook.newWorksheet("未导入的行");
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
        }
        int[] r = {1};
        var shown = shown(job);
        imports.forEachRejection(id, found -> {
            var rejection = shown.apply(found);
            int row = r[0]++;
            int c = 0;
            sheet.value(row, c++, rejection.rowNumber());
            if (rejection.label() != null) {
                sheet.inlineString(row, c, rejection.label());
            }
            c++;
            if (keyed) {
                if (rejection.key() != null) {
                    sheet.inlineString(row, c, rejection.key());
                }
                c++;
            }
            sheet.value(row, c++, rejection.field());
            sheet.value(row, c++, rejection.code());
            sheet.value(row, c++, rejection.message());
            sheet.value(row, c, rejection.messageEn());
            flushEvery(sheet, row);
        });
        workbook.finish();
        // The report names people (and a resident row's masked ID number): its rows leaving are read like an export.
        reads.exported("import-rejections", null, "import=" + id, r[0] - 1L);
    }

    static void flushEvery(org.dhatim.fastexcel.Worksheet sheet, int row) {
        if (row % 1000 == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @PreDestroy
    void stop() {
        jobs.shutdownNow();
    }
}
