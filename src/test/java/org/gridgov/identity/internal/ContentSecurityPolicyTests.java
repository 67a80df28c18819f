package org.gridgov.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Content-Security-Policy lets the map draw the deployment's tiles and nothing else from elsewhere. */
class ContentSecurityPolicyTests {

    @Test
    void withoutATileServerImagesComeOnlyFromThePlatform() {
        assertThat(SecurityConfiguration.contentSecurityPolicy(null))
                .contains("img-src 'self' data: blob:;", "style-src 'self' 'unsafe-inline'", "script-src 'self';");
        assertThat(SecurityConfiguration.contentSecurityPolicy("  ")).contains("img-src 'self' data: blob:;");
    }

    @Test
    void theConfiguredTileServerMayServeImages() {
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://tiles.example.org/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: blob: https://tiles.example.org;");
        assertThat(SecurityConfiguration.tileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://*.tile.example.org");
        assertThat(SecurityConfiguration.tileSource("http://10.0.0.5:8081/tiles/{z}/{x}/{y}.png"))
                .isEqualTo("http://10.0.0.5:8081");
        assertThat(SecurityConfiguration.tileSource("https://tile{s}.example.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://*.example.org");
        assertThat(SecurityConfiguration.tileSource("https://tiles.{s}.example.org/{z}/{x}/{y}.png"))
                .isEqualTo("https:");
        assertThat(SecurityConfiguration.tileSource("/tiles/{z}/{x}/{y}.png")).isNull();
    }

    @Test
    void tianditusVectorTilesAndTheirAnnotationOverlayMayServeImages() {
        String vector = "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                + "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY";
        String labels = vector.replace("vec_w", "cva_w").replace("LAYER=vec", "LAYER=cva");
        assertThat(SecurityConfiguration.contentSecurityPolicy(vector, labels))
                .contains("img-src 'self' data: blob: https://*.tianditu.gov.cn;");
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://a.example.org/{z}/{x}/{y}.png", labels))
                .contains("img-src 'self' data: blob: https://a.example.org https://*.tianditu.gov.cn;");
    }
}
