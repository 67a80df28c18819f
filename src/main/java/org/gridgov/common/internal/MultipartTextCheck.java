package org.gridgov.common.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * The fields and file names of a multipart body follow the text rule of {@link ControlCharacters}: checked once
 * Spring MVC has parsed the body, which happens only for a caller the security chain let through.
 */
@Configuration(proxyBeanMethods = false)
class MultipartTextCheck implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return true;
        }
        var errors = new ArrayList<FieldProblem>();
        TextParameterFilter.check(multipart.getParameterMap(), errors);
        multipart.getMultiFileMap().forEach((name, files) -> {
            if (ControlCharacters.refused(name)) {
                errors.add(ControlCharacters.problem(ControlCharacters.printable(name), name));
                return;
            }
            for (var file : files) {
                if (ControlCharacters.refused(file.getOriginalFilename())) {
                    errors.add(ControlCharacters.problem(name + ".filename", file.getOriginalFilename()));
                    break;
                }
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return true;
    }
}
