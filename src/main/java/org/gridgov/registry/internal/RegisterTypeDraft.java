package org.gridgov.registry.internal;

import java.util.List;

/** A register a deployment defines: a code (A–Z, digits, _), a name, and its fields (at most 50). */
public record RegisterTypeDraft(String code, String name, List<FieldDefinition> fields) {}
