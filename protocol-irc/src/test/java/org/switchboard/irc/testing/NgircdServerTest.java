package org.switchboard.irc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.InputStream;
import java.nio.file.Files;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The harness itself: the server speaks TLS with its certificate, registers clients, and restarts on its ports. */
class NgircdServerTest {

    @Test
    void registersAClientOverTlsAndRestartsOnTheSamePorts() throws Exception {
        try (NgircdServer server = NgircdServer.start()) {
            assertThat(register(server, "harness1")).contains(" 001 harness1 ");
            int port = server.tlsPort();
            server.restart();
            assertThat(server.tlsPort()).isEqualTo(port);
            assertThat(register(server, "harness2")).contains(" 001 harness2 ");
        }
    }

    private static String register(NgircdServer server, String nick) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(server.caFile())) {
            trust.setCertificateEntry("test", (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        try (Socket raw = new Socket(server.host(), server.tlsPort());
             SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, server.host(), server.tlsPort(), true)) {
            var params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(params);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("NICK " + nick + "\r\nUSER sb 0 * :test\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.contains(" 001 ")) {
                    return line;
                }
            }
            return "";
        }
    }
}
