package org.switchboard.desktop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.desktop.fx.FxEventBridge;

/**
 * The dependency directions of DESIGN.md, checked on the compiled main classes of every module
 * (all of them are on this module's test class path): the build breaks when one is broken.
 */
class DependencyRulesTest {

    private static final String API = "org.switchboard.protocol..";
    private static final String CORE = "org.switchboard.core..";
    private static final String DESKTOP = "org.switchboard.desktop..";
    private static final String MEDIA = "org.switchboard.media..";
    private static final String SAMPLE_PLUGIN = "org.switchboard.sample..";
    private static final String[] PROTOCOL_IMPLS = {
        "org.switchboard.nativeproto..", "org.switchboard.xmpp..", "org.switchboard.irc..", SAMPLE_PLUGIN};

    private static JavaClasses main;

    /** Main code only: test classes and the contract kit's test-jar are not the product. */
    private static final ImportOption MAIN_ONLY = location ->
            !location.contains("/test-classes/") && !location.contains("-tests.jar");

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(MAIN_ONLY).importPackages("org.switchboard");
    }

    @Test
    void protocolApiIsPureJava() {
        classes().that().resideInAPackage(API)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", API)
                .check(main);
    }

    @Test
    void coreKnowsNoUiNoMediaAndNoProtocolImplementation() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(concat(PROTOCOL_IMPLS,
                        "javafx..", DESKTOP, MEDIA, "org.jivesoftware..", "org.pircbotx.."))
                .check(main);
    }

    @Test
    void desktopNamesNoProtocolImplementation() {
        noClasses().that().resideInAPackage(DESKTOP)
                .should().dependOnClassesThat().resideInAnyPackage(concat(PROTOCOL_IMPLS,
                        "org.jivesoftware..", "org.pircbotx.."))
                .check(main);
    }

    @Test
    void mediaDependsOnProtocolApiOnly() {
        noClasses().that().resideInAPackage(MEDIA)
                .should().dependOnClassesThat().resideInAnyPackage(concat(PROTOCOL_IMPLS, CORE, DESKTOP))
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void protocolModulesDependOnTheApiAlone() {
        for (String impl : PROTOCOL_IMPLS) {
            String[] others = java.util.Arrays.stream(PROTOCOL_IMPLS).filter(p -> !p.equals(impl))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(impl)
                    .should().dependOnClassesThat().resideInAnyPackage(concat(others, CORE, DESKTOP, MEDIA, "javafx.."))
                    .allowEmptyShould(true)
                    .check(main);
        }
    }

    /** The sample plugin is not on this class path (the app loads it from a folder): check its jar. */
    @Test
    void theSamplePluginDependsOnTheApiAlone() throws java.io.IOException {
        JavaClasses plugin;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(System.getProperty("switchboard.sample-plugin", "missing"))) {
            plugin = new ClassFileImporter().importJar(jar);
        }
        classes().that().resideInAPackage(SAMPLE_PLUGIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", API, SAMPLE_PLUGIN)
                .check(plugin);
    }

    @Test
    void onlyTheBridgeCrossesOntoTheFxThread() {
        noClasses().that().doNotBelongToAnyOf(FxEventBridge.class)
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .check(main);
    }

    @Test
    void theNativeProviderIsReallyCheckedByTheseRules() {
        // Guards the rules above against passing vacuously when a module is missing from the path.
        classes().that().resideInAPackage("org.switchboard.nativeproto..")
                .should().bePublic().orShould().notBePublic()
                .check(main);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
