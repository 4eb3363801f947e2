package dev.unmask.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.unmask.cli.UnmaskCommand;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module layering and code standards, enforced on the compiled classes of every module of the application. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.unmask");

    @Test
    void apiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.unmask.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.unmask.api..", "java..")
                .check(CLASSES);
    }

    @Test
    void coreKnowsNothingOfAnalyzersOrTheCommandLine() {
        noClasses().that().resideInAPackage("dev.unmask.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.unmask.analyzers..", "dev.unmask.cli..", "picocli..", "me.tongfei..")
                .check(CLASSES);
    }

    @Test
    void lightModulesCarryNoNativeEngines() {
        noClasses().that().resideInAnyPackage("dev.unmask.api..", "dev.unmask.core..", "dev.unmask.analyzers..", "dev.unmask.provenance..",
                        "dev.unmask.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "ai.onnxruntime..", "org.bytedeco..", "org.apache.spark..")
                .check(CLASSES);
    }

    @Test
    void analyzersDoNotDependOnTheCommandLineOrEachOther() {
        noClasses().that().resideInAPackage("dev.unmask.analyzers..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.unmask.cli..", "picocli..", "me.tongfei..")
                .check(CLASSES);
        for (String a : new String[] {"ela", "noise", "jpeg", "spectral", "clone", "metadata", "format"}) {
            noClasses().that().resideInAPackage("dev.unmask.analyzers." + a + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherAnalyzers(a))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    private static String[] otherAnalyzers(String self) {
        return java.util.stream.Stream.of("ela", "noise", "jpeg", "spectral", "clone", "metadata", "format")
                .filter(x -> !x.equals(self)).map(x -> "dev.unmask.analyzers." + x + "..").toArray(String[]::new);
    }

    @Test
    void nothingOpensNetworkConnections() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().callMethod(java.net.URL.class, "openConnection")
                .orShould().callMethod(java.net.URL.class, "openStream")
                .check(CLASSES);
    }

    @Test
    void namesSayWhatThingsAreFor() {
        noClasses().should().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .check(CLASSES);
    }

    @Test
    void onlyTheEntryPointExitsTheProcess() {
        noClasses().that().doNotHaveFullyQualifiedName(UnmaskCommand.class.getName())
                .should().callMethod(System.class, "exit", int.class)
                .check(CLASSES);
    }
}
