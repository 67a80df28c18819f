package org.gridgov.registry.bench;

import java.io.BufferedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.gridgov.BenchClient;

/**
 * Load for {@code bench/registry-import.sh}: writes a workbook of synthetic residents with valid ID numbers in the
 * given grids (streamed, inline strings), uploads it through the API as the county operator, and times the job
 * from the upload until it is DONE.
 */
public final class ResidentImportLoad {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰"};

    private ResidentImportLoad() {}

    /** Arguments: base URL, grid code file (one a line), workbook path, rows, and the register (residents or houses). */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> grids = Files.readAllLines(Path.of(args[1])).stream()
                .filter(s -> !s.isBlank())
                .toList();
        Path file = Path.of(args[2]);
        int rows = Integer.parseInt(args[3]);
        String register = args.length > 4 ? args[4] : "residents";
        long t0 = System.nanoTime();
        if (register.equals("houses")) {
            writeHouses(file, grids, rows);
        } else {
            write(file, grids, rows);
        }
        System.out.printf(
                "workbook: %,d rows, %,d bytes, written in %.1f s%n",
                rows, Files.size(file), (System.nanoTime() - t0) / 1e9);
        String token = BenchClient.token(HTTP, base, "county.operator");
        long start = System.nanoTime();
        String job = upload(base, token, file, register);
        var id = match(job, "\"id\":(\\d+)");
        String body;
        do {
            Thread.sleep(250);
            body = BenchClient.get(HTTP, base + "/api/registry/imports/" + id, token);
        } while (body.contains("\"RUNNING\""));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("import: %s%n", body);
        System.out.printf(
                "import time (upload until %s): %.1f s, %,.0f rows/s%n",
                match(body, "\"status\":\"(\\w+)\""), seconds, rows / seconds);
    }

    /** Houses with a sealed owner phone, one in six rented, spread over the grids. */
    private static void writeHouses(Path file, List<String> grids, int rows) throws Exception {
        try (var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            var wb = new Workbook(out, "bench", "1.0");
            var sheet = wb.newWorksheet("实有房屋");
            String[] headers = {"所属网格", "地址", "门牌号", "房屋用途", "产权人", "产权人电话", "是否出租", "出租人"};
            for (int c = 0; c < headers.length; c++) {
                sheet.value(0, c, headers[c]);
            }
            for (int i = 0; i < rows; i++) {
                int r = i + 1;
                boolean rental = i % 6 == 0;
                String owner = SURNAMES[i % 10] + GIVEN[(i / 10) % 12] + GIVEN[(i / 120) % 12];
                sheet.inlineString(r, 0, grids.get(i % grids.size()));
                sheet.inlineString(r, 1, "广水市幸福路 " + (i % 500) + " 号 " + (i / 500) + " 室");
                sheet.inlineString(r, 2, "幸福路 " + (i % 500) + " 号");
                sheet.inlineString(r, 3, "居住");
                sheet.inlineString(r, 4, owner);
                sheet.inlineString(r, 5, String.format("139%08d", i));
                sheet.inlineString(r, 6, rental ? "是" : "否");
                if (rental) {
                    sheet.inlineString(r, 7, owner);
                }
                if (r % 1000 == 0) {
                    sheet.flush();
                }
            }
            wb.finish();
        }
    }

    private static void write(Path file, List<String> grids, int rows) throws Exception {
        try (var out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            var wb = new Workbook(out, "bench", "1.0");
            var sheet = wb.newWorksheet("实有人口");
            String[] headers = {"姓名", "身份证号", "性别", "民族", "出生日期", "所属网格", "户籍地区划", "现住址", "联系电话", "人员类型"};
            for (int c = 0; c < headers.length; c++) {
                sheet.value(0, c, headers[c]);
            }
            for (int i = 0; i < rows; i++) {
                int r = i + 1;
                // Birth dates from 1940 on and a running sequence keep every number distinct and valid.
                int day = i % 9000;
                var birth = java.time.LocalDate.of(1940, 1, 1).plusDays(day * 3L);
                String first17 = String.format(
                        "421381%04d%02d%02d%03d",
                        birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), i / 9000);
                String id = first17 + check(first17);
                sheet.inlineString(r, 0, SURNAMES[i % 10] + GIVEN[(i / 10) % 12] + GIVEN[(i / 120) % 12]);
                sheet.inlineString(r, 1, id);
                sheet.inlineString(r, 2, (first17.charAt(16) - '0') % 2 == 1 ? "男" : "女");
                sheet.inlineString(r, 3, "汉族");
                sheet.inlineString(r, 4, birth.toString());
                sheet.inlineString(r, 5, grids.get(i % grids.size()));
                sheet.inlineString(r, 6, "421381");
                sheet.inlineString(r, 7, "广水市幸福路 " + (i % 500) + " 号");
                sheet.inlineString(r, 8, String.format("139%08d", i));
                sheet.inlineString(r, 9, "户籍人口");
                if (r % 1000 == 0) {
                    sheet.flush();
                }
            }
            wb.finish();
        }
    }

    private static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private static String upload(String base, String token, Path file, String register) throws Exception {
        String boundary = "gridgov" + System.nanoTime();
        var body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.xlsx\"\r\n"
                        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/registry/" + register + "/imports"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String match(String text, String regex) {
        var m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text);
        }
        return m.group(1);
    }
}
