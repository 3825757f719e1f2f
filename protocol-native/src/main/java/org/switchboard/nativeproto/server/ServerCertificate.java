package org.switchboard.nativeproto.server;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS identity: a PKCS12 key store given by the operator, or a self-signed
 * certificate made on first start in the data folder and reused after.
 */
record ServerCertificate(SSLContext context, X509Certificate certificate) {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificate.class);
    static final String KEYSTORE_FILE = "server-certificate.p12";
    static final String PASSWORD_FILE = "server-certificate.pass";

    static ServerCertificate fromKeyStore(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return of(store, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads the data folder's certificate, making a self-signed one the first time. */
    static ServerCertificate selfSigned(Path dataDirectory, String hostName) throws IOException {
        Path storeFile = dataDirectory.resolve(KEYSTORE_FILE);
        Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
        if (Files.exists(storeFile) && Files.exists(passwordFile)) {
            return fromKeyStore(storeFile, Files.readString(passwordFile).strip().toCharArray());
        }
        try {
            char[] password = randomPassword();
            KeyStore store = generate(hostName, password);
            Files.deleteIfExists(passwordFile);
            PrivateFiles.write(passwordFile, new String(password).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Path temporary = dataDirectory.resolve(KEYSTORE_FILE + ".tmp");
            java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream();
            store.store(encoded, password);
            Files.deleteIfExists(temporary);
            PrivateFiles.write(temporary, encoded.toByteArray());
            Files.move(temporary, storeFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            ServerCertificate result = of(store, password);
            LOG.info("Made a self-signed server certificate for {}, SHA-256 {}", hostName,
                    org.switchboard.protocol.tls.Certificates.display(
                            org.switchboard.protocol.tls.Certificates.sha256(result.certificate())));
            return result;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make a server certificate: " + e.getMessage(), e);
        }
    }

    private static ServerCertificate of(KeyStore store, char[] password) throws GeneralSecurityException, IOException {
        X509Certificate certificate = null;
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                certificate = (X509Certificate) store.getCertificate(alias);
                break;
            }
        }
        if (certificate == null) {
            throw new IOException("the key store holds no private key with a certificate");
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new ServerCertificate(context, certificate);
    }

    private static KeyStore generate(String hostName, char[] password)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + hostName.replace(",", "") + ",O=Switchboard native server");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames(hostName)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", pair.getPrivate(), password, new Certificate[] {certificate});
        return store;
    }

    private static GeneralName[] alternativeNames(String hostName) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        names.add(hostName);
        List<GeneralName> result = new ArrayList<>();
        for (String name : names) {
            boolean literal = name.matches("[0-9.]+") || name.contains(":");
            if (literal) {
                try {
                    result.add(new GeneralName(GeneralName.iPAddress, InetAddress.ofLiteral(name).getHostAddress()));
                } catch (IllegalArgumentException e) {
                    LOG.warn("Leaving {} out of the certificate: not an IP address", name);
                }
            } else {
                result.add(new GeneralName(GeneralName.dNSName, name));
            }
        }
        return result.toArray(GeneralName[]::new);
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
