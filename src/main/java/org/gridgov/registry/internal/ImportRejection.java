package org.gridgov.registry.internal;

/** One problem of a row an import refused; the row number is the worksheet's (the header is row 1). */
public record ImportRejection(
        int rowNumber,
        String name,
        String idNumberMasked,
        String field,
        String code,
        String message,
        String messageEn) {}
