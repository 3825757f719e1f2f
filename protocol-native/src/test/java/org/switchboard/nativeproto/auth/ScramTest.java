package org.switchboard.nativeproto.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 7677 §3's example exchange, and what must fail. */
class ScramTest {

    private static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_NONCE_PART = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private final ScramCredentials pencil = Scram.credentials("pencil", SALT, 4096);

    @Test
    void theClientProducesTheRfcMessages() throws Exception {
        ScramClient client = new ScramClient("user", "pencil", CLIENT_NONCE);
        assertThat(client.clientFirst()).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        assertThat(client.clientFinal(SERVER_FIRST)).isEqualTo(CLIENT_FINAL);
        client.verifyServerFinal(SERVER_FINAL);
    }

    @Test
    void theServerChecksTheRfcProofAndSignsAsTheRfcSays() throws Exception {
        ScramServer server = new ScramServer(SERVER_NONCE_PART);
        ScramServer.ClientFirst first = ScramServer.parseClientFirst("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        assertThat(first.user()).isEqualTo("user");
        assertThat(server.serverFirst(first, u -> Optional.of(pencil), u -> null)).isEqualTo(SERVER_FIRST);
        assertThat(server.serverFinal(CLIENT_FINAL)).isEqualTo(SERVER_FINAL);
    }

    @Test
    void aWrongPasswordFailsAtTheProof() throws Exception {
        ScramClient client = new ScramClient("user", "pen", CLIENT_NONCE);
        ScramServer server = new ScramServer(SERVER_NONCE_PART);
        String serverFirst = server.serverFirst(ScramServer.parseClientFirst(client.clientFirst()),
                u -> Optional.of(pencil), u -> null);
        String clientFinal = client.clientFinal(serverFirst);
        assertThatThrownBy(() -> server.serverFinal(clientFinal)).isInstanceOf(ScramException.class);
    }

    @Test
    void anUnknownUserLooksLikeAWrongPassword() throws Exception {
        ScramClient client = new ScramClient("nobody", "pencil");
        ScramServer server = new ScramServer();
        String serverFirst = server.serverFirst(ScramServer.parseClientFirst(client.clientFirst()),
                u -> Optional.empty(), u -> pencil);
        // The right password for the decoy must not let anyone in.
        String clientFinal = client.clientFinal(serverFirst);
        assertThatThrownBy(() -> server.serverFinal(clientFinal)).hasMessage("wrong password");
    }

    @Test
    void theClientRejectsAFalseServer() throws Exception {
        ScramClient client = new ScramClient("user", "pencil", CLIENT_NONCE);
        client.clientFinal(SERVER_FIRST);
        assertThatThrownBy(() -> client.verifyServerFinal("v=" + Base64.getEncoder().encodeToString(new byte[32])))
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> client.verifyServerFinal("e=invalid-proof")).hasMessageContaining("invalid-proof");
    }

    @Test
    void theClientRefusesCheapHashesAndForeignNonces() {
        ScramClient client = new ScramClient("user", "pencil", CLIENT_NONCE);
        client.clientFirst();
        assertThatThrownBy(() -> client.clientFinal("r=" + CLIENT_NONCE + "x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1"))
                .hasMessageContaining("iterations");
        assertThatThrownBy(() -> client.clientFinal("r=someoneelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))
                .hasMessageContaining("nonce");
    }

    @Test
    void theClientRefusesAnIterationCountThatWouldHangTheLogin() {
        ScramClient client = new ScramClient("user", "pencil", CLIENT_NONCE);
        client.clientFirst();
        assertThatThrownBy(() -> client.clientFinal("r=" + CLIENT_NONCE + "x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=2147483647"))
                .isInstanceOf(ScramException.class).hasMessageContaining("the most this client does");
    }

    @Test
    void malformedMessagesAreRefused() {
        assertThatThrownBy(() -> ScramServer.parseClientFirst("y,,n=user,r=abc")).isInstanceOf(ScramException.class);
        assertThatThrownBy(() -> ScramServer.parseClientFirst("n,,garbage")).isInstanceOf(ScramException.class);
        assertThatThrownBy(() -> ScramServer.parseClientFirst("n,,n=us=er,r=abc")).hasMessageContaining("escape");
        assertThatThrownBy(() -> new ScramServer().serverFinal("c=biws,r=x,p=AAAA")).isInstanceOf(ScramException.class);
    }

    @Test
    void namesWithCommasAndEqualsAreEscaped() throws Exception {
        String first = new ScramClient("a,b=c", "pw", "n").clientFirst();
        assertThat(first).isEqualTo("n,,n=a=2Cb=3Dc,r=n");
        assertThat(ScramServer.parseClientFirst(first).user()).isEqualTo("a,b=c");
    }

    @Test
    void credentialsHideTheirKeys() {
        assertThat(pencil.toString()).doesNotContain(Base64.getEncoder().encodeToString(pencil.storedKey()));
        assertThat(Scram.credentials("pencil", SALT, 4096)).isEqualTo(pencil);
    }
}
