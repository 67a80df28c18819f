package org.gridgov.registry.internal;

import java.util.List;

/**
 * A register a deployment defines: a code (A–Z, digits, _), a name, and its fields (at most 50); {@code version}
 * only on change, where the code stays as it was.
 */
public record RegisterTypeDraft(String code, String name, List<FieldDefinition> fields, Integer version) {}
