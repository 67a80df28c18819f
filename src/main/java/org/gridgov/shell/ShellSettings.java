package org.gridgov.shell;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map background: a tile URL template such as {@code https://tiles.example.org/{z}/{x}/{y}.png}; none by default,
 * since many deployments have no tile server they may reach, and grids then draw on a blank layer.
 */
@ConfigurationProperties("gridgov.web")
record ShellSettings(String tileUrl, String tileAttribution) {}
