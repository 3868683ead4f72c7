package cn.jinjiang.aitraining;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The floor plan, enforced: no package cycles, the extractor and the services know nothing of the web. */
class ArchitectureTest {
    private static final String ROOT = "cn.jinjiang.aitraining";
    private static final String[] WEB = {"io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "org.thymeleaf..",
            ROOT + ".web.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void theExtractorDependsOnNothingWeb() {
        noClasses().that().resideInAPackage(ROOT + ".extract..")
                .should().dependOnClassesThat().resideInAnyPackage(WEB)
                .check(main);
    }

    @Test
    void onlyWebFacingClassesUseJavalin() {
        noClasses().that().haveSimpleNameNotEndingWith("Controller")
                .and().resideOutsideOfPackage(ROOT + ".web..")
                // App and the build's ArchiveTraining start the server
                .and(not(belongToAnyOf(WebApp.class, App.class, ArchiveTraining.class)))
                // the access check on every /admin route, and the admin pages' shared answers (422, 409, redirect)
                .and().doNotHaveFullyQualifiedName(ROOT + ".auth.AdminGuard")
                .and().doNotHaveFullyQualifiedName(ROOT + ".admin.shared.AdminPages")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(main);
    }

    @Test
    void servicesAndDaosKnowNothingOfTheWeb() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Dao")
                .should().dependOnClassesThat().resideInAnyPackage(WEB)
                .check(main);
    }
}
