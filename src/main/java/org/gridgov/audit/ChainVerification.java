package org.gridgov.audit;

/**
 * The outcome of walking the audit log's hash chain in id order.
 *
 * @param ok whether every record checked matches its hash and links to the one before
 * @param checked how many records were read, including the first broken one
 * @param firstBrokenId the first record whose hash or link does not match, null when the chain is intact
 * @param startHash hex of the hash the oldest remaining record links to: null when the log starts at its first
 *     record, otherwise the last hash of an archive, to be compared with the archive's own record
 */
public record ChainVerification(boolean ok, long checked, Long firstBrokenId, String startHash) {

    public static ChainVerification intact(long checked, String startHash) {
        return new ChainVerification(true, checked, null, startHash);
    }

    public static ChainVerification broken(long checked, long firstBrokenId, String startHash) {
        return new ChainVerification(false, checked, firstBrokenId, startHash);
    }
}
