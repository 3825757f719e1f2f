package org.switchboard.xmpp.testing;

import java.nio.file.Path;

/** The configuration file of a test Prosody (Prosody 0.12, as Debian ships it). */
final class ProsodyConfig {

    private ProsodyConfig() {
    }

    static String render(Path dir, String domain, int c2sPort, int directTlsPort) {
        String cert = dir.resolve("certs/server.crt").toString();
        String key = dir.resolve("certs/server.key").toString();
        // run_as_root: as root Prosody otherwise refuses to start and hangs instead of exiting.
        return """
                run_as_root = true
                daemonize = false
                pidfile = "%1$s/prosody.pid"
                data_path = "%1$s/data"
                certificates = "%1$s/certs"
                log = { { levels = { min = "warn" }, to = "console" } }
                interfaces = { "127.0.0.1" }
                c2s_interfaces = { "127.0.0.1" }
                c2s_ports = { %3$d }
                c2s_direct_tls_ports = { %4$d }
                s2s_ports = {}
                http_ports = {}
                https_ports = {}
                modules_enabled = {
                  "roster", "saslauth", "tls", "disco", "carbons", "mam", "smacks", "ping",
                  "vcard_legacy", "vcard4", "pep", "blocklist", "private", "bookmarks",
                  "time", "version", "uptime", "posix", "csi_simple"
                }
                modules_disabled = { "s2s" }
                authentication = "internal_hashed"
                c2s_require_encryption = true
                allow_registration = false
                default_archive_policy = true
                archive_expires_after = "never"
                -- The file store's default cap is 10,000 messages per archive; past it, every new
                -- message rewrites the whole archive file (a benchmark sends more than that).
                storage_archive_item_limit = 1000000
                smacks_hibernation_time = 120
                ssl = { certificate = "%5$s", key = "%6$s" }

                VirtualHost "%2$s"
                  ssl = { certificate = "%5$s", key = "%6$s" }

                Component "conference.%2$s" "muc"
                  modules_enabled = { "muc_mam" }
                  muc_log_by_default = true
                  muc_log_presences = false
                  max_history_messages = 50
                """.formatted(dir.toString(), domain, c2sPort, directTlsPort, cert, key);
    }
}
