package dev.orchestrator.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of ARCHITECTURE.md, on the orchestrator's own classes (tests excluded). */
@AnalyzeClasses(packages = "dev.orchestrator", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

    /** No two packages (control.client, control.server... each counts) depend on each other, even through others. */
    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.orchestrator.(**)").should().beFreeOfCycles();

    /** Engine authors compile against the API alone: it may use only itself, the JDK, Jackson and log4j-api. */
    @ArchTest
    static final ArchRule apiDependsOnNothingInternal = noClasses().that().resideInAPackage("dev.orchestrator.api..")
            .should().dependOnClassesThat(resideInAPackage("dev.orchestrator..")
                    .and(not(resideInAPackage("dev.orchestrator.api.."))))
            .orShould().dependOnClassesThat().resideOutsideOfPackages("dev.orchestrator.api..", "java..",
                    "com.fasterxml.jackson..", "org.apache.logging.log4j");

    /** Reading a configuration needs neither the control socket nor the CLI nor the plugins. */
    @ArchTest
    static final ArchRule configKnowsNoControlNorCli = noClasses().that().resideInAPackage("dev.orchestrator.config..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orchestrator.control..", "dev.orchestrator.cli..",
                    "dev.orchestrator.plugin..");
}
