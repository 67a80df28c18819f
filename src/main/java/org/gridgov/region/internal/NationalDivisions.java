package org.gridgov.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Every province, city and county of the country by its 6-digit GB/T 2260 code, from the shipped reference lists:
 * people's registered addresses (户籍地) lie anywhere, not only in this deployment's tree.
 */
@Component
public class NationalDivisions {

    private volatile Map<String, String> names;

    /** The name of a 6-digit division code (province 110000, city 110100, county 110101). */
    public Optional<String> name(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(names().get(code));
    }

    private Map<String, String> names() {
        var loaded = names;
        if (loaded == null) {
            synchronized (this) {
                if (names == null) {
                    var all = new HashMap<String, String>(4096);
                    read("division-provinces.csv", all);
                    read("division-cities.csv", all);
                    read("division-areas.csv", all);
                    names = Map.copyOf(all);
                }
                loaded = names;
            }
        }
        return loaded;
    }

    private static void read(String file, Map<String, String> into) {
        try (var in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("reference/" + file).getInputStream(), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                var cells = line.split(",", 3);
                if (cells.length < 2) {
                    continue;
                }
                String code = (cells[0] + "000000").substring(0, 6);
                into.put(code, cells[1].replace("\"", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
