package org.switchboard.irc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.irc.IrcProvider;
import org.switchboard.irc.IrcSettings;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.tls.ClientTls;

/**
 * A private InspIRCd 3 (Debian {@code inspircd}) with Atheme services (Debian
 * {@code atheme-services}) linked to it, on free loopback ports: SASL PLAIN, NickServ, MONITOR,
 * away-notify, server-time and message tags. Atheme refuses to run as root, so under root it runs
 * as {@code nobody} on a folder given to that user.
 */
public final class InspircdServer implements AutoCloseable {

    private static final String INSPIRCD = "/usr/sbin/inspircd";
    private static final String ATHEME = "/usr/bin/atheme-services";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final String LINK_PASSWORD = "switchboard-link";

    private final Path folder;
    private final TestCertificate certificate;
    private final int tlsPort;
    private final int plainPort;
    private final ServerProcess ircd;
    private final ServerProcess services;

    private InspircdServer(Path folder, TestCertificate certificate, int tlsPort, int plainPort, ServerProcess ircd,
                           ServerProcess services) {
        this.folder = folder;
        this.certificate = certificate;
        this.tlsPort = tlsPort;
        this.plainPort = plainPort;
        this.ircd = ircd;
        this.services = services;
    }

    /** Starts InspIRCd, then Atheme, and returns once the services have linked. */
    public static InspircdServer start() throws IOException {
        for (String binary : List.of(INSPIRCD, ATHEME)) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IOException(binary + " is missing: install it with scripts/install-test-deps");
            }
        }
        Path folder = Files.createTempDirectory("sb-inspircd-");
        ServerProcess ircd = null;
        ServerProcess services = null;
        try {
            TestCertificate.readableByAll(folder);
            TestCertificate cert = TestCertificate.create(folder.resolve("tls"), List.of("localhost"), List.of("127.0.0.1"));
            TestCertificate.readableByAll(folder.resolve("tls"));
            int tls = ServerProcess.freePort();
            int plain = ServerProcess.freePort();
            int link = ServerProcess.freePort();
            Path ircdConfig = folder.resolve("inspircd.conf");
            Files.writeString(ircdConfig, ircdConfig(folder, cert, tls, plain, link));
            boolean root = "0".equals(uid());
            // InspIRCd 3.15 may crash while shutting down on SIGTERM; no core file is wanted from that.
            String ircdCommand = "ulimit -c 0; exec " + INSPIRCD + " --nofork --config=" + ircdConfig
                    + (root ? " --runasroot" : "");
            ircd = new ServerProcess("inspircd", List.of("/bin/sh", "-c", ircdCommand), folder.resolve("inspircd.out"));
            ircd.start(tls, READY_TIMEOUT);

            Path data = Files.createDirectories(folder.resolve("atheme"));
            Path servicesConfig = data.resolve("atheme.conf");
            Files.writeString(servicesConfig, servicesConfig(link));
            Path servicesLog = data.resolve("atheme.log");
            List<String> servicesCommand = new ArrayList<>();
            if (root) {
                giveToNobody(data);
                servicesCommand.addAll(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
            }
            servicesCommand.addAll(List.of(ATHEME, "-n", "-c", servicesConfig.toString(), "-D", data.toString(),
                    "-l", servicesLog.toString(), "-p", data.resolve("atheme.pid").toString()));
            services = new ServerProcess("atheme", servicesCommand, folder.resolve("atheme.out"));
            services.startAndAwait(() -> Files.exists(servicesLog)
                    && Files.readString(servicesLog).contains("finished synching with uplink"), READY_TIMEOUT);
            return new InspircdServer(folder, cert, tls, plain, ircd, services);
        } catch (IOException | RuntimeException e) {
            if (services != null) {
                services.stop();
            }
            if (ircd != null) {
                ircd.stop();
            }
            ServerProcess.deleteTree(folder);
            throw e;
        }
    }

    private static String uid() throws IOException {
        return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private static void giveToNobody(Path data) throws IOException {
        UserPrincipalLookupService lookup = data.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = lookup.lookupPrincipalByName("nobody");
        GroupPrincipal nogroup = lookup.lookupPrincipalByGroupName("nogroup");
        try (var files = Files.walk(data)) {
            for (Path p : files.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                view.setOwner(nobody);
                view.setGroup(nogroup);
            }
        }
        TestCertificate.readableByAll(data);
    }

    private static String ircdConfig(Path folder, TestCertificate cert, int tls, int plain, int link) {
        return """
                <server name="irc.switchboard.test" description="Switchboard test server" network="SBTest">
                <admin name="test" nick="test" email="test@switchboard.test">
                <bind address="127.0.0.1" port="%d" type="clients">
                <bind address="127.0.0.1" port="%d" type="clients" sslprofile="Clients">
                <bind address="127.0.0.1" port="%d" type="servers">
                <module name="ssl_gnutls">
                <sslprofile name="Clients" provider="gnutls" certfile="%s" keyfile="%s" hash="sha256" requestclientcert="no">
                <connect name="main" allow="*" maxchans="100" timeout="60" pingfreq="120" hardsendq="1048576" softsendq="65536" recvq="65536" threshold="1000" commandrate="100000" fakelag="off" localmax="1000" globalmax="1000" useident="no" resolvehostnames="no" limit="5000">
                <link name="services.switchboard.test" ipaddr="127.0.0.1" port="%d" allowmask="127.0.0.0/8" sendpass="%s" recvpass="%s">
                <uline server="services.switchboard.test" silent="yes">
                <module name="spanningtree">
                <module name="services_account">
                <module name="svshold">
                <module name="sasl">
                <sasl target="services.switchboard.test">
                <module name="cap">
                <module name="ircv3">
                <module name="ircv3_servertime">
                <module name="ircv3_ctctags">
                <module name="ircv3_msgid">
                <module name="monitor">
                <module name="namesx">
                <pid file="%s">
                <log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="%s">
                <options defaultmodes="nt">
                <dns timeout="1">
                <limits maxnick="30" maxchan="60" maxmodes="20" maxident="10" maxhost="64" maxquit="255" maxtopic="307" maxkick="255" maxreal="128" maxaway="200">
                """.formatted(plain, tls, link, cert.certificate(), cert.key(), link, LINK_PASSWORD, LINK_PASSWORD,
                folder.resolve("inspircd.pid"), folder.resolve("inspircd.log"));
    }

    private static String servicesConfig(int link) {
        return """
                loadmodule "modules/protocol/inspircd";
                loadmodule "modules/backend/opensex";
                loadmodule "modules/crypto/pbkdf2v2";
                loadmodule "modules/nickserv/main";
                loadmodule "modules/nickserv/identify";
                loadmodule "modules/nickserv/register";
                loadmodule "modules/saslserv/main";
                loadmodule "modules/saslserv/plain";
                serverinfo {
                	name = "services.switchboard.test";
                	desc = "Switchboard test services";
                	numeric = "00A";
                	recontime = 1;
                	netname = "SBTest";
                	hidehostsuffix = "users.switchboard.test";
                	adminname = "test";
                	adminemail = "test@switchboard.test";
                	registeremail = "noreply@switchboard.test";
                	mta = "/bin/true";
                	loglevel = { error; info; admin; network; };
                	maxlogins = 50;
                	maxusers = 50;
                	mdlimit = 30;
                	emaillimit = 1000;
                	emailtime = 300;
                	auth = none;
                	casemapping = rfc1459;
                };
                uplink "irc.switchboard.test" {
                	host = "127.0.0.1";
                	password = "%s";
                	port = %d;
                };
                nickserv {
                	nick = "NickServ";
                	user = "NickServ";
                	host = "services.switchboard.test";
                	real = "Nickname Services";
                	maxnicks = 5;
                	expire = 0;
                };
                saslserv {
                	nick = "SaslServ";
                	user = "SaslServ";
                	host = "services.switchboard.test";
                	real = "SASL Authentication Agent";
                };
                general {
                	flood_msgs = 0;
                	flood_time = 10;
                	ratelimit_uses = 1000;
                	ratelimit_period = 60;
                	kline_time = 7;
                	commit_interval = 5;
                	language = "en";
                	immune_level = immune;
                };
                """.formatted(LINK_PASSWORD, link);
    }

    public String host() {
        return "localhost";
    }

    public int tlsPort() {
        return tlsPort;
    }

    public int plainPort() {
        return plainPort;
    }

    public Path caFile() {
        return certificate.certificate();
    }

    /** Registers a services account (NickServ REGISTER) for {@code nick}, through a raw client that then quits. */
    public void registerAccount(String nick, String password) throws IOException {
        try (RawIrcClient client = RawIrcClient.connect(host(), tlsPort, caFile(), nick, null)) {
            client.send("PRIVMSG NickServ :REGISTER " + password + " " + nick + "@switchboard.test");
            String answer = client.await(l -> l.startsWith(":NickServ!") && l.contains(" NOTICE "), Duration.ofSeconds(15));
            if (!answer.contains("registered")) {
                throw new IOException("NickServ did not register " + nick + ": " + answer);
            }
        }
    }

    /** An account for provider {@code irc} on this server over TLS, without credentials. */
    public AccountConfig account(String nick) {
        Map<String, String> settings = new HashMap<>();
        settings.put(IrcSettings.HOST, host());
        settings.put(IrcSettings.PORT, Integer.toString(tlsPort));
        settings.put(IrcSettings.TLS, "true");
        settings.put(IrcSettings.NICK, nick);
        settings.put(IrcSettings.USERNAME, "sb");
        settings.put(ClientTls.CA_FILE, caFile().toString());
        return new AccountConfig(AccountId.random(), IrcProvider.ID, settings, Map.of());
    }

    /** The same, logging in with SASL PLAIN as {@code account}. */
    public AccountConfig saslAccount(String nick, String account, String password) {
        AccountConfig plain = account(nick).withSetting(IrcSettings.SASL_ACCOUNT, account);
        return new AccountConfig(plain.id(), plain.protocolId(), plain.settings(), Map.of(IrcSettings.SASL_PASSWORD, password));
    }

    public String log() {
        return ircd.tail() + "\n--- services ---\n" + services.tail();
    }

    @Override
    public void close() {
        services.stop();
        ircd.stop();
        ServerProcess.deleteTree(folder);
    }
}
