package org.gridgov.registry.internal;

/**
 * One field of a special group's record or of a deployment's register: its name in the JSON, its labels, its type
 * (TEXT, DATE, CODE, NUMBER), the code set a CODE field takes its values from, and whether it must be given.
 */
public record FieldDefinition(
        String name, String label, String labelEn, String type, String codeSet, Boolean required) {}
