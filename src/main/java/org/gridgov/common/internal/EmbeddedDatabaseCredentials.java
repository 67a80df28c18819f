package org.gridgov.common.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The passwords of the embedded server's superuser and of the application's role, generated once and kept in a file
 * beside the data directory that only the platform's OS user may read.
 *
 * @param adminPassword the {@code postgres} superuser's, for setup and migrations only
 * @param appPassword the application role's
 */
record EmbeddedDatabaseCredentials(String adminPassword, String appPassword) {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** What a generated password consists of; checked before one is written into SQL, which cannot bind it. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{16,100}");

    private static final SecureRandom RANDOM = new SecureRandom();

    EmbeddedDatabaseCredentials {
        if (!SAFE.matcher(adminPassword).matches() || !SAFE.matcher(appPassword).matches()) {
            throw new IllegalArgumentException("Embedded database passwords must be 16 to 100 URL-safe characters");
        }
    }

    static EmbeddedDatabaseCredentials generate() {
        return new EmbeddedDatabaseCredentials(password(), password());
    }

    /** {@code <data dir>-credentials} beside the data directory: initdb wants the data directory itself empty. */
    static Path fileFor(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-credentials");
    }

    static Optional<EmbeddedDatabaseCredentials> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        var properties = new Properties();
        properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        String admin = properties.getProperty("admin-password");
        String app = properties.getProperty("app-password");
        if (admin == null || app == null) {
            throw new IllegalStateException(file + " lacks admin-password or app-password");
        }
        return Optional.of(new EmbeddedDatabaseCredentials(admin.strip(), app.strip()));
    }

    /** Writes the file readable by its owner only, never visible half-written. */
    void write(Path file) throws IOException {
        String text = """
                # Passwords of the embedded PostgreSQL beside this file. Keep it private (mode 600) and back it up
                # with the data: the database refuses connections without them.
                # admin-password: superuser "postgres" (setup, migrations, maintenance)
                # app-password: role "%s" (the platform itself)
                admin-password=%s
                app-password=%s
                """.formatted(EmbeddedDatabaseRoles.APP, adminPassword, appPassword);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The superuser's password in a private temporary file, as initdb reads it; the caller deletes it. */
    Path adminPasswordFile() throws IOException {
        Path file = Files.createTempFile("gridgov-pw", "", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, adminPassword + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public String toString() {
        return "EmbeddedDatabaseCredentials[hidden]";
    }

    private static String password() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
