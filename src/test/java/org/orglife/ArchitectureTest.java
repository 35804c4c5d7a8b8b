package org.orglife;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Which package of the application may use which (README, "Code map"). The arrows point one way:
 * features → the kernel (form, cycle) → what the cycle stands on (registry, calendar, identity) →
 * the adapters (security → engine → errors). Only {@code engine} touches the engine's internals. A
 * feature uses another feature through what it offers, never its engine glue (delegates, listeners)
 * or its web controllers, and no two packages use each other. The application's own code knows
 * nothing of the benchmark, which lives beside the tests.
 */
@AnalyzeClasses(packages = "org.orglife", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "org.orglife";
    static final List<String> FEATURES = List.of("review", "ballot", "rating", "rectification", "campaign", "escalation",
            "statistics", "dashboard", "demo");

    @ArchTest
    static final ArchRule arrowsPointDownOnly = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Application").definedBy(ROOT)
            .layer("Features").definedBy(FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new))
            .layer("Cycle").definedBy(ROOT + ".cycle..")
            .layer("Form").definedBy(ROOT + ".form..")
            .layer("Identity").definedBy(ROOT + ".identity..")
            .layer("Registry").definedBy(ROOT + ".registry..")
            .layer("Calendar").definedBy(ROOT + ".calendar..")
            .layer("Security").definedBy(ROOT + ".security..")
            .layer("Engine").definedBy(ROOT + ".engine..")
            .layer("Errors").definedBy(ROOT + ".errors..")
            .whereLayer("Application").mayNotBeAccessedByAnyLayer()
            .whereLayer("Features").mayOnlyBeAccessedByLayers("Application")
            .whereLayer("Cycle").mayOnlyBeAccessedByLayers("Features")
            .whereLayer("Form").mayOnlyBeAccessedByLayers("Cycle", "Features")
            .whereLayer("Identity").mayOnlyBeAccessedByLayers("Cycle", "Features")
            .whereLayer("Registry").mayOnlyBeAccessedByLayers("Identity", "Cycle", "Features")
            .whereLayer("Calendar").mayOnlyBeAccessedByLayers("Cycle", "Features")
            .whereLayer("Security").mayOnlyBeAccessedByLayers("Registry", "Identity", "Cycle", "Features")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Security", "Registry", "Identity", "Form", "Cycle",
                    "Features")
            .whereLayer("Errors").mayOnlyBeAccessedByLayers("Engine", "Security", "Calendar", "Registry", "Identity",
                    "Form", "Cycle", "Features");

    @ArchTest
    static final ArchRule onlyTheEngineAdapterTouchesTheEnginesInternals = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine.impl..",
                    "org.camunda.bpm.webapp.impl..")
            .because("the engine's internals change without notice; engine/ is the one place that knows them");

    @ArchTest
    static final ArchRule noTwoPackagesUseEachOther = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule aFeatureUsesAnotherOnlyThroughWhatItOffers = classes()
            .that().resideInAnyPackage(FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new))
            .should(notDependOnAnotherFeaturesInternals());

    @ArchTest
    static final ArchRule theApplicationKnowsNothingOfTheBenchmark = noClasses()
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".bench..")
            .because("the benchmark lives beside the tests and is not part of the application");

    /** A feature's engine glue and web controllers are its own: delegates, listeners, controllers. */
    static final DescribedPredicate<JavaClass> INTERNALS = DescribedPredicate.describe(
            "a delegate, a listener or a controller",
            c -> c.isAssignableTo(JavaDelegate.class) || c.isAssignableTo(TaskListener.class)
                    || c.isAssignableTo(ExecutionListener.class) || c.isAnnotatedWith(RestController.class)
                    || c.isAnnotatedWith(Controller.class));

    private static ArchCondition<JavaClass> notDependOnAnotherFeaturesInternals() {
        return new ArchCondition<>("not depend on another feature's delegates, listeners or controllers") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = featureOf(origin);
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    String theirs = featureOf(target);
                    if (theirs != null && !theirs.equals(own) && INTERNALS.test(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static String featureOf(JavaClass type) {
        String name = type.getPackageName();
        return FEATURES.stream().filter(f -> name.equals(ROOT + "." + f) || name.startsWith(ROOT + "." + f + "."))
                .findFirst().orElse(null);
    }
}
