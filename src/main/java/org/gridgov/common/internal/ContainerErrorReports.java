package org.gridgov.common.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.gridgov.common.FieldProblem;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before any servlet sees them (an encoded slash or NUL in the path, a malformed
 * percent escape, a control character in a header) and answers them with its own HTML page. This replaces that page
 * with the platform's problem document; errors the application itself raises still go through the error page
 * ({@link ErrorPageController}).
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var host = (Host) context.getParent();
            for (var valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve());
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** After Spring Boot's own customizer, which installs the HTML valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            var status = HttpStatus.resolve(code);
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            var body = status == HttpStatus.BAD_REQUEST
                    ? ProblemWriter.invalid(List.of(field(response, throwable)))
                    : ProblemWriter.body(
                            status,
                            ProblemHandler.slug(status),
                            ProblemHandler.chinese(status),
                            status.getReasonPhrase(),
                            List.of());
            try {
                response.setContentType(ProblemWriter.CONTENT_TYPE);
                var writer = response.getReporter();
                if (writer != null) {
                    writer.write(ProblemWriter.json(body));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone; there is no one left to tell.
            }
        }

        private static FieldProblem field(Response response, Throwable throwable) {
            String reason = (response.getMessage() == null ? "" : response.getMessage())
                    + (throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage());
            if (reason.toLowerCase(Locale.ROOT).contains("header")) {
                return new FieldProblem(
                        "header",
                        "malformed",
                        "请求头格式不正确",
                        "A request header is malformed or has characters not allowed");
            }
            return new FieldProblem(
                    "path",
                    "malformed",
                    "请求路径含有不允许的字符或编码",
                    "The request path contains characters or an encoding that are not allowed");
        }
    }
}
