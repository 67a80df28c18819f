package org.gridgov.registry.internal;

/**
 * One problem of a row an import refused; the row number is the worksheet's (the header is row 1). The label is what
 * the row is known by (a name, an address) and the key its unique number as the file gave it, masked when it is
 * personal (an ID number), absent for registers without one; {@link RecordKind} names both columns.
 */
public record ImportRejection(
        int rowNumber, String label, String key, String field, String code, String message, String messageEn) {}
