package org.switchboard.core;

import java.time.Clock;
import java.util.Objects;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.profile.Profile;

/**
 * How to start the core.
 *
 * @param providerLoader class loader that {@link java.util.ServiceLoader} searches for providers
 *                       on the class path (plugins in the profile add their own loaders)
 */
public record CoreOptions(Profile profile, DemoMode demo, ClassLoader providerLoader, Clock clock) {
    public CoreOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(demo, "demo");
        providerLoader = providerLoader == null ? CoreOptions.class.getClassLoader() : providerLoader;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    public static CoreOptions of(Profile profile, DemoMode demo) {
        return new CoreOptions(profile, demo, null, null);
    }
}
