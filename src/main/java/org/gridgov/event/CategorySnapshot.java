package org.gridgov.event;

/**
 * What an event keeps of its category at report time, so that later catalog versions never change how an old
 * event reads.
 *
 * @param versionId the catalog version the category was taken from
 * @param majorCode the category's major (大类); a major's own code when the category is a major
 * @param domain {@code GOVERNANCE} (综治) or {@code CITY} (数字城管)
 * @param standardRef the standard and numbering the code comes from, or null for the platform's own codes
 * @param localExtension whether the category was added locally beyond the list it is based on
 */
public record CategorySnapshot(
        int versionId,
        String code,
        String name,
        String majorCode,
        String majorName,
        String domain,
        String standardRef,
        boolean localExtension) {}
