package org.gridgov.common.internal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys that seal personal data at rest and the separate key that makes it searchable.
 *
 * @param keys key version (1 to 65535) to the base64 of 32 random bytes; old versions stay so old rows open
 * @param currentKey the version new data is sealed with
 * @param lookupKey base64 of at least 32 random bytes for the search hash; changing it orphans every stored hash
 */
@ConfigurationProperties("gridgov.crypto")
record CryptoSettings(Map<Integer, String> keys, int currentKey, String lookupKey) {

    /** Versions only: the generated record form would print the keys wherever the settings are logged. */
    @Override
    public String toString() {
        return "CryptoSettings[keys=" + (keys == null ? "[]" : keys.keySet()) + ", currentKey=" + currentKey
                + ", lookupKey=" + (lookupKey == null ? "unset" : "***") + "]";
    }
}
