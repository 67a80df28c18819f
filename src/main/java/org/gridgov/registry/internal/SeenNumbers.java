package org.gridgov.registry.internal;

/**
 * The ID numbers a file has shown so far, each with the row that first had it. A valid ID number is its first 17
 * digits (the check character follows from them), so it fits a long: a million numbers take 16 MB in two arrays
 * rather than the 100 MB or more of a set of strings.
 */
final class SeenNumbers {

    private long[] keys = new long[1 << 12];
    private int[] rows = new int[1 << 12];
    private int size;

    /** Records the number on this row unless an earlier row had it; answers that row, or 0. */
    int putIfAbsent(IdNumber number, int row) {
        long key = Long.parseLong(number.value(), 0, 17, 10) + 1; // 0 marks an empty slot
        int slot = find(key);
        if (keys[slot] == key) {
            return rows[slot];
        }
        keys[slot] = key;
        rows[slot] = row;
        if (++size * 2 > keys.length) {
            grow();
        }
        return 0;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
    }
}
