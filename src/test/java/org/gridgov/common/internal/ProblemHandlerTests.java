package org.gridgov.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

class ProblemHandlerTests {

    private final ProblemHandler handler = new ProblemHandler();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest());

    @Test
    void anUploadOverTheLimitIsA413Problem() throws Exception {
        var answer = handler.handleException(new MaxUploadSizeExceededException(100), request);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        var body = (ProblemDetail) answer.getBody();
        assertThat(body.getDetail()).isEqualTo("请求内容过大");
        assertThat(body.getProperties()).containsKey("detailEn");
    }

    @Test
    void aMissingPartIsA400NamingThePart() throws Exception {
        var answer = handler.handleException(new MissingServletRequestPartException("file"), request);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var body = (ProblemDetail) answer.getBody();
        assertThat(body.getProperties().get("errors").toString()).contains("field=file");
    }
}
