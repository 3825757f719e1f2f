package org.switchboard.protocol.spi;

/**
 * The version of this SPI. A provider reports the version it was compiled against through
 * {@link ProtocolProvider#spiVersion()}; the app refuses providers of another major version
 * and accepts older minor versions of the same major.
 */
public final class SpiVersion {
    public static final int MAJOR = 1;
    public static final int MINOR = 0;

    /** What a provider compiled against this jar reports (inlined by the compiler). */
    public static final int CURRENT = MAJOR * 1000 + MINOR;

    private SpiVersion() {
    }

    public static int major(int version) {
        return version / 1000;
    }

    public static int minor(int version) {
        return version % 1000;
    }

    public static boolean isCompatible(int providerVersion) {
        return major(providerVersion) == MAJOR && minor(providerVersion) <= MINOR;
    }

    public static String format(int version) {
        return major(version) + "." + minor(version);
    }
}
