package org.switchboard.irc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh self-signed certificate and key made with {@code openssl}, for a test server. The files
 * are readable by everyone: a server started as root drops to another user before reading them.
 *
 * @param certificate PEM of the certificate (also what a client trusts as its CA file)
 * @param key         PEM of the unencrypted private key
 */
public record TestCertificate(Path certificate, Path key) {

    /** Makes a certificate for these DNS names and IP addresses (subject alternative names). */
    public static TestCertificate create(Path folder, List<String> dnsNames, List<String> ipAddresses)
            throws IOException {
        Files.createDirectories(folder);
        Path cert = folder.resolve("cert.pem");
        Path key = folder.resolve("key.pem");
        List<String> san = new ArrayList<>();
        dnsNames.forEach(n -> san.add("DNS:" + n));
        ipAddresses.forEach(a -> san.add("IP:" + a));
        String cn = dnsNames.isEmpty() ? ipAddresses.getFirst() : dnsNames.getFirst();
        run(folder, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                "-subj", "/CN=" + cn, "-addext", "subjectAltName=" + String.join(",", san),
                "-keyout", key.toString(), "-out", cert.toString());
        readableByAll(cert);
        readableByAll(key);
        return new TestCertificate(cert, key);
    }

    /** Diffie-Hellman parameters (a named group, so instant), which ngircd wants for a quick TLS start. */
    static Path dhParameters(Path folder) throws IOException {
        Path dh = folder.resolve("dh.pem");
        run(folder, "openssl", "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "dh_param:ffdhe2048",
                "-out", dh.toString());
        readableByAll(dh);
        return dh;
    }

    static void readableByAll(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(directory ? "rwxr-xr-x" : "rw-r--r--"));
    }

    static void run(Path folder, String... command) throws IOException {
        Path log = folder.resolve("openssl.log");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0], e);
        }
    }
}
