package org.switchboard.protocol.spi;

import java.net.URL;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * A network Switchboard can talk to, found with {@link java.util.ServiceLoader} (on the class
 * path, or in a plugin jar in the profile's {@code plugins/} folder). Register an
 * implementation in {@code META-INF/services/org.switchboard.protocol.spi.ProtocolProvider}.
 *
 * <p>An implementation must have a public no-argument constructor that does no I/O and starts
 * no threads: the app may load providers it never uses.
 */
public interface ProtocolProvider {

    /** A short, stable, lower-case id ({@code xmpp}, {@code irc}, {@code native}); stored in account files. */
    String id();

    /** The network's name as users know it, in the given language. */
    String displayName(Locale locale);

    /** A small square icon (PNG, 32 px or larger), if the provider ships one. */
    default Optional<URL> icon() {
        return Optional.empty();
    }

    /** The fields the account dialog asks for. */
    AccountSchema accountSchema();

    /**
     * The SPI version this provider was compiled against. Implement it exactly as
     * {@code return SpiVersion.CURRENT;}: the compiler copies that constant into the provider's
     * own class, so it records the SPI the provider was built with, which the app checks
     * before using it. (A default method here would report the app's version instead.)
     */
    int spiVersion();

    /**
     * Labels for the account fields and other provider texts: the bundle
     * {@code <provider package>.messages} from the provider's own class loader, or an empty one.
     */
    default ResourceBundle messages(Locale locale) {
        try {
            return ResourceBundle.getBundle(getClass().getPackageName() + ".messages", locale,
                    getClass().getClassLoader());
        } catch (MissingResourceException e) {
            return EmptyBundle.INSTANCE;
        }
    }

    /**
     * Makes a session for an account, in state DISCONNECTED. Does no I/O.
     *
     * @param config   the account's settings and secrets, validated against {@link #accountSchema()}
     * @param listener receives the session's events, on the session's thread
     */
    ProtocolSession open(AccountConfig config, SessionListener listener);
}
