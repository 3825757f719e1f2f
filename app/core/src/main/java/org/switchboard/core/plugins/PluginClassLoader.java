package org.switchboard.core.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin jar. The SPI, the JDK and the logging API come from the app, so
 * that the plugin and the app agree on {@code ProtocolProvider} and friends; every other class is
 * the plugin's own, looked up in its jar first. Two plugins may thus carry different versions of
 * one library, and a plugin cannot reach the app's internals or its libraries by accident.
 */
final class PluginClassLoader extends URLClassLoader {

    /** Packages the app shares with plugins. */
    private static final List<String> SHARED = List.of("java.", "javax.", "org.switchboard.protocol.", "org.slf4j.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader app;

    PluginClassLoader(String name, URL jar, ClassLoader app) {
        // The platform loader as parent: JDK modules outside java.base stay reachable, the app's class path does not.
        super(name, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        this.app = app;
    }

    private static boolean shared(String name) {
        for (String prefix : SHARED) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (shared(name)) {
            return app.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException notOurs) {
                    c = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /** The jar's own resources first (its service files and bundles), then the JDK's. */
    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }
}
