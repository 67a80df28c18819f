package org.gridgov.common;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;

/** Answers a workbook as a download under a Chinese file name. */
public final class Xlsx {

    private static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Xlsx() {}

    public static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(TYPE);
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
    }
}
