package org.switchboard.core.people;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;

/**
 * Contacts' pictures, in memory and in the profile ({@code avatars/<account>/<handle>}, readable
 * by the owner alone: whom the user talks to is private), so that they show at the next start
 * before any server answers. Files are read and written on a thread of their own.
 */
final class AvatarCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AvatarCache.class);
    /** Pictures past this size are not kept: no network sends such avatars, and they would bloat the list. */
    static final int MAX_BYTES = 1 << 20;

    /** A picture and a short id of its content, which changes whenever the picture does. */
    record Picture(byte[] bytes, String id) {
    }

    private final Path dir;
    private final Map<ContactAddress, Picture> pictures = new ConcurrentHashMap<>();
    private final ExecutorService disk = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("switchboard-avatars").daemon(true).factory());

    AvatarCache(Path dir) {
        this.dir = dir;
    }

    /** Reads the pictures kept from earlier runs; those that arrived meanwhile stay. */
    CompletableFuture<Void> load() {
        return CompletableFuture.runAsync(() -> {
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (Stream<Path> accounts = Files.list(dir)) {
                for (Path accountDir : accounts.filter(Files::isDirectory).toList()) {
                    AccountId account = new AccountId(accountDir.getFileName().toString());
                    try (Stream<Path> files = Files.list(accountDir)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            handle(file).ifPresent(handle -> read(file).ifPresent(bytes ->
                                    pictures.putIfAbsent(new ContactAddress(account, handle), picture(bytes))));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("the saved pictures of contacts could not be read: {}", e.toString());
            }
        }, disk);
    }

    /** Keeps a new picture (empty: the contact has none now); false when nothing changed. */
    boolean put(ContactAddress contact, byte[] image) {
        if (image == null || image.length == 0) {
            if (pictures.remove(contact) == null) {
                return false;
            }
            disk.execute(() -> delete(contact));
            return true;
        }
        if (image.length > MAX_BYTES) {
            return false;
        }
        Picture picture = picture(image.clone());
        Picture old = pictures.put(contact, picture);
        if (old != null && old.id().equals(picture.id())) {
            return false;
        }
        disk.execute(() -> write(contact, picture.bytes()));
        return true;
    }

    Optional<Picture> get(ContactAddress contact) {
        return Optional.ofNullable(pictures.get(contact));
    }

    /** Drops an account's pictures (the account was removed), in memory and on disk. */
    void forget(AccountId account) {
        pictures.keySet().removeIf(c -> c.account().equals(account));
        disk.execute(() -> {
            Path accountDir = dir.resolve(account.value());
            try (Stream<Path> files = Files.exists(accountDir) ? Files.list(accountDir) : Stream.empty()) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(accountDir);
            } catch (IOException e) {
                LOG.warn("the saved pictures of account {} could not be removed: {}", account, e.toString());
            }
        });
    }

    private void write(ContactAddress contact, byte[] bytes) {
        Path accountDir = dir.resolve(contact.account().value());
        try {
            ownerOnlyDirectory(dir);
            ownerOnlyDirectory(accountDir);
            Path target = accountDir.resolve(fileName(contact.handle()));
            Path temp = Files.createTempFile(accountDir, ".avatar", ".tmp");
            ownerOnly(temp);
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the picture of {} could not be saved: {}", contact, e.toString());
        }
    }

    private void delete(ContactAddress contact) {
        try {
            Files.deleteIfExists(dir.resolve(contact.account().value()).resolve(fileName(contact.handle())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("the picture of {} could not be removed: {}", contact, e.toString());
        }
    }

    private static void ownerOnlyDirectory(Path d) throws IOException {
        try {
            Files.createDirectory(d);
            if (Files.getFileStore(d).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (FileAlreadyExistsException exists) {
            // Made earlier, with its permissions.
        }
    }

    private static void ownerOnly(Path f) throws IOException {
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static Optional<byte[]> read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Handles may hold any character; the file name is their URL-safe Base64. */
    static String fileName(String handle) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(handle.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> handle(Path file) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(file.getFileName().toString()),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static Picture picture(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Picture(bytes, HexFormat.of().formatHex(hash, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void close() {
        // Let the last writes land: the next start shows what is on disk.
        disk.shutdown();
        try {
            disk.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
