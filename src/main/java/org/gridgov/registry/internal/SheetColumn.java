package org.gridgov.registry.internal;

/** One column of a registry worksheet: the Chinese header people see, and whether an import needs it. */
interface SheetColumn {

    String header();

    boolean required();

    /** Wide enough for an 18-digit code without the cell showing ###. */
    default int width() {
        return 14;
    }
}
