package org.switchboard.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Reads and atomically replaces the profile's small JSON files. */
public final class JsonFiles {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private JsonFiles() {
    }

    /**
     * Writes to a temporary file beside the target and moves it into place, so a crash leaves
     * either the old or the new file, never half of one. With {@code ownerOnly} the temporary
     * file is created rw------- before a byte is written, and the move keeps that.
     */
    public static void write(Path target, Object value, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = ownerOnly && posix(dir)
                ? Files.createTempFile(dir, target.getFileName() + ".", ".tmp", ownerOnlyAttribute())
                : Files.createTempFile(dir, target.getFileName() + ".", ".tmp");
        try {
            byte[] bytes = MAPPER.writeValueAsBytes(value);
            // On disk before the rename: otherwise a power cut can leave the new name on an empty file.
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, and lose only that. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the file's own contents were already forced.
        }
    }

    /** Reads a file, or returns {@code fallback} when there is none; a broken file is an error. */
    public static <T> T read(Path file, Class<T> type, T fallback) throws IOException {
        if (!Files.exists(file)) {
            return fallback;
        }
        try {
            T value = MAPPER.readValue(file.toFile(), type);
            return value == null ? fallback : value;
        } catch (IOException e) {
            throw new IOException("Cannot read " + file + ": " + e.getMessage()
                    + ". Fix or move the file; it was left untouched.", e);
        }
    }

    /** Creates an empty owner-only file if absent, so no secret ever lands in a wider one. */
    public static void createOwnerOnly(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!posix(file.toAbsolutePath().getParent())) {
            return;
        }
        try {
            Files.createFile(file, ownerOnlyAttribute());
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    static boolean posix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnlyAttribute() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
