package org.gridgov.registry.internal;

/** One column of a registry worksheet: the Chinese header people see, and whether an import needs it. */
interface SheetColumn {

    String header();

    boolean required();

    /**
     * Whether the template formats the column as text ("@"): ID numbers, phones and codes, which a number cell would
     * round or strip of a leading 0.
     */
    default boolean text() {
        return false;
    }

    /** Wide enough for an 18-digit code without the cell showing ###. */
    default int width() {
        return 14;
    }
}
