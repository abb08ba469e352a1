package ru.storelink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.annotation.WebFilter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.Assertions;
import ru.storelink.connections.control.ConnectableService;

/**
 * The rules that keep the tree as README's "Layout" draws it: each service a plug-in the core does not
 * know by name, no cycles between features, and entity → control → boundary in one direction only.
 * Main code only: tests may reach across on purpose.
 */
@AnalyzeClasses(packages = "ru.storelink", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "ru.storelink.";

    /** What every service builds on; it finds services only through CDI. */
    static final List<String> CORE = List.of(
            "accounts", "connections", "dashboard", "database", "demo", "deployment", "healthcheck", "notifications", "texts", "web");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("ru.storelink.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule entitiesKnowNoLogicOrPages = noClasses().that().resideInAPackage("..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..");

    @ArchTest
    static final ArchRule logicKnowsNoPages = noClasses().that().resideInAPackage("..control..")
            .should().dependOnClassesThat().resideInAPackage("..boundary..");

    /**
     * Refused logins are held back asynchronously ({@code EarlyRefusals}); one filter in the chain without async
     * support turns every such refusal into an immediate 500 (it happened once, with a new "/*" filter).
     */
    @ArchTest
    static final ArchRule everyFilterSupportsAsync = classes().that().areAnnotatedWith(WebFilter.class)
            .should(new ArchCondition<JavaClass>("support asynchronous requests") {
                @Override
                public void check(JavaClass filter, ConditionEvents events) {
                    if (!filter.getAnnotationOfType(WebFilter.class).asyncSupported()) {
                        events.add(SimpleConditionEvent.violated(filter, filter.getName() + " is a @WebFilter without asyncSupported = true"));
                    }
                }
            });

    @ArchTest
    static void theCoreNeverNamesAService(JavaClasses classes) {
        Set<String> services = servicePackages(classes);
        noClasses().that().resideInAnyPackage(CORE.stream().map(core -> ROOT + core + "..").toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(services.stream().map(s -> ROOT + s + "..").toArray(String[]::new))
                .check(classes);
    }

    @ArchTest
    static void servicesNeverNameEachOther(JavaClasses classes) {
        Set<String> services = servicePackages(classes);
        for (String service : services) {
            String[] others = services.stream().filter(other -> !other.equals(service)).map(other -> ROOT + other + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    /** The top-level packages that produce a {@link ConnectableService}: one per service, never a core one. */
    private static Set<String> servicePackages(JavaClasses classes) {
        Set<String> services = new TreeSet<>();
        for (JavaClass type : classes) {
            boolean producesAService = type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(Produces.class)
                    && method.getRawReturnType().isEquivalentTo(ConnectableService.class));
            if (producesAService) {
                services.add(type.getPackageName().substring(ROOT.length()).split("\\.")[0]);
            }
        }
        Assertions.assertThat(services).as("service packages").hasSizeGreaterThanOrEqualTo(2).doesNotContainAnyElementsOf(CORE);
        return services;
    }
}
