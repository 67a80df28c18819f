package org.gridgov.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs the browser tests in {@code web/e2e} (node's test runner driving headless chromium through playwright-core)
 * against this application on a random port, so that one {@code ./mvnw verify} runs every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "gridgov.skip-browser", matches = "true")
class BrowserTests {

    @LocalServerPort
    int port;

    @Test
    void browserTestsPass() throws Exception {
        var web = Path.of("web").toAbsolutePath();
        assertThat(web.resolve("node_modules/playwright-core"))
                .as("npm install has run in web/ (the Maven build does it)")
                .exists();
        var log = Files.createTempFile("gridgov-e2e", ".log");
        // -Dgridgov.e2e=e2e/registry.test.mjs runs one file while working on it.
        var files = System.getProperty("gridgov.e2e", "e2e/");
        var builder = new ProcessBuilder("node", "--test", "--test-reporter=spec", files)
                .directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BASE_URL", "http://localhost:" + port);
        var process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(20, TimeUnit.MINUTES);
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("browser tests finished within 20 minutes").isTrue();
        assertThat(process.exitValue())
                .as("browser tests exit code; output:%n%s", output)
                .isZero();
    }
}
