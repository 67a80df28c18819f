package org.gridgov.shell;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the browser application's files are served: the service worker, the page and the manifest are asked again on
 * every load (a browser keeping an old worker would keep an old application), while the built scripts and styles,
 * whose names change with their content, are kept for a year. (The manifest's type is in application.yml,
 * {@code server.mime-mappings}.)
 */
@Configuration(proxyBeanMethods = false)
class ShellResources implements WebMvcConfigurer {

    private static final String STATIC = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/sw.js", "/index.html", "/manifest.webmanifest")
                .addResourceLocations(STATIC)
                .setCacheControl(CacheControl.noCache());
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(STATIC + "assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
