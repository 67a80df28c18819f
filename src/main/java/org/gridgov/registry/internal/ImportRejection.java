package org.gridgov.registry.internal;

/**
 * One problem of a row an import refused; the row number is the worksheet's (the header is row 1). The label is what
 * the row is known by (a name, an address) and the key its unique number as the file gave it, masked when it is
 * personal (an ID number), absent for registers without one; {@link RecordKind} names both columns.
 */
public record ImportRejection(
        int rowNumber, String label, String key, String field, String code, String message, String messageEn) {

    /**
     * The rejection of a resident row as a caller may see it ({@link Disclosure}): the ID number with no more than its
     * address code, and no birth date the row gave, in case an earlier release wrote one into the message.
     */
    ImportRejection as(Disclosure disclosure) {
        if (disclosure.full()) {
            return this;
        }
        boolean birth = "birthDate".equals(field) && "date-format".equals(code);
        return new ImportRejection(
                rowNumber,
                label,
                disclosure.idNumber(key),
                field,
                code,
                birth ? "出生日期须为日期或 yyyy-MM-dd、yyyy/M/d" : message,
                messageEn);
    }
}
