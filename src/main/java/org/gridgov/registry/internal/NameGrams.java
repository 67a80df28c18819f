package org.gridgov.registry.internal;

import java.util.LinkedHashSet;

/**
 * The characters and pairs of adjacent characters of a name. A fragment of one character is found among the
 * characters, a longer fragment through its pairs (then confirmed with LIKE); this needs no word boundaries, which
 * Chinese names do not have, and no locale support on the database server.
 */
final class NameGrams {

    private NameGrams() {}

    /** What is stored for a name. */
    static String[] of(String name) {
        var points =
                name.strip().toLowerCase(java.util.Locale.ROOT).codePoints().toArray();
        var grams = new LinkedHashSet<String>();
        for (int i = 0; i < points.length; i++) {
            grams.add(new String(points, i, 1));
            if (i + 1 < points.length) {
                grams.add(new String(points, i, 2));
            }
        }
        return grams.toArray(String[]::new);
    }

    /** What a search fragment must find among a name's grams: its pairs, or the character itself. */
    static String[] query(String fragment) {
        var points =
                fragment.strip().toLowerCase(java.util.Locale.ROOT).codePoints().toArray();
        if (points.length == 1) {
            return new String[] {new String(points, 0, 1)};
        }
        var grams = new LinkedHashSet<String>();
        for (int i = 0; i + 1 < points.length; i++) {
            grams.add(new String(points, i, 2));
        }
        return grams.toArray(String[]::new);
    }
}
