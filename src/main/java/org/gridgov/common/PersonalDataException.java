package org.gridgov.common;

/**
 * A stored ciphertext that cannot be opened: unknown key version, unknown format, or a failed authentication check.
 *
 * <p>The message names the cause and the key version but never the data.
 */
public class PersonalDataException extends RuntimeException {

    public PersonalDataException(String message) {
        super(message);
    }

    public PersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
