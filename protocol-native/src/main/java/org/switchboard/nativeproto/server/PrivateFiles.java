package org.switchboard.nativeproto.server;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only the server's own account may read: the database (SCRAM keys, queued messages), the
 * certificate's key and its password. They are created with those permissions, not restricted
 * afterwards, so that no other local user can open them in between.
 */
final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates the folder (and missing parents) owner-only; an existing one is left as the operator made it. */
    static void directory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(directory, attribute(directory, OWNER_DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            // Made by someone else in between: used as it is.
        }
    }

    /** Creates an empty owner-only file if it is missing, and makes an existing one owner-only. */
    static void file(Path file) throws IOException {
        try {
            Files.createFile(file, attribute(file, OWNER_FILE));
        } catch (FileAlreadyExistsException e) {
            restrict(file);
        }
    }

    /** Writes a new owner-only file; fails if it exists. */
    static void write(Path file, byte[] content) throws IOException {
        Files.createFile(file, attribute(file, OWNER_FILE));
        Files.write(file, content);
    }

    static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    private static FileAttribute<?>[] attribute(Path path, Set<PosixFilePermission> permissions) {
        // Not a POSIX file system (Windows): the user profile's own permissions protect the folder.
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        Path absolute = path.toAbsolutePath();
        return absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
