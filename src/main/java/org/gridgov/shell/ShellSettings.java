package org.gridgov.shell;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map background: a tile URL template such as {@code https://tiles.example.org/{z}/{x}/{y}.png}; none by default,
 * since many deployments have no tile server they may reach, and every map then draws the township and village
 * outlines instead (docs/API.md, "Map tiles").
 *
 * @param tileOverlayUrl a second layer drawn over the tiles, such as Tianditu's place-name annotation ({@code cva_w})
 *     over its vector map ({@code vec_w}); optional
 */
@ConfigurationProperties("gridgov.web")
record ShellSettings(String tileUrl, String tileAttribution, String tileOverlayUrl) {}
