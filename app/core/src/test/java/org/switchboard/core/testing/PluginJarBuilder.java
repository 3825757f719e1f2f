package org.switchboard.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.switchboard.protocol.spi.ProtocolProvider;

/**
 * Builds a real plugin jar in a test: compiles Java sources against the protocol-api (and nothing
 * else of the app), and packs them with a manifest and a service file, as a plugin author would.
 * Shipped in the test-jar for the desktop's tests.
 */
public final class PluginJarBuilder {

    private final String title;
    private final String version;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<String> providers = new ArrayList<>();

    private PluginJarBuilder(String title, String version) {
        this.title = title;
        this.version = version;
    }

    /** A jar whose manifest names it {@code title} at {@code version} (null leaves the attribute out). */
    public static PluginJarBuilder plugin(String title, String version) {
        return new PluginJarBuilder(title, version);
    }

    /** Adds a class, by its fully qualified name. */
    public PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Registers a class as a {@code ProtocolProvider} in META-INF/services. */
    public PluginJarBuilder provider(String className) {
        providers.add(className);
        return this;
    }

    public PluginJarBuilder resource(String path, String text) {
        resources.put(path, text);
        return this;
    }

    /** Compiles and packs; returns {@code jar}. */
    public Path writeTo(Path jar) throws IOException {
        Path work = Files.createTempDirectory("plugin-build");
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", protocolApi().toString(),
                "-encoding", "UTF-8", "-proc:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("tests need a JDK with javac, not a bare runtime");
        }
        if (!sources.isEmpty() && javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the test plugin's sources do not compile; see the output above");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (title != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, title);
        }
        if (version != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        }
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            if (!providers.isEmpty()) {
                put(out, "META-INF/services/" + ProtocolProvider.class.getName(),
                        (String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                put(out, resource.getKey(), resource.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream body = out;
        body.write(bytes);
        out.closeEntry();
    }

    /** The protocol-api classes this test runs with: a jar, or a module's classes folder. */
    private static Path protocolApi() {
        try {
            return Path.of(ProtocolProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
