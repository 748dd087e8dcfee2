package io.warden.infra.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries of the design: events are the only thing that crosses from the command side to the query side,
 * the shared language depends on nothing of ours, and the domain model knows neither Spring nor JPA.
 */
@AnalyzeClasses(packages = "io.warden", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_query_side_does_not_use_the_command_side = noClasses()
            .that().resideInAPackage("io.warden.query..")
            .should().dependOnClassesThat().resideInAPackage("io.warden.command..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule the_command_side_does_not_use_the_query_side = noClasses()
            .that().resideInAPackage("io.warden.command..")
            .should().dependOnClassesThat().resideInAPackage("io.warden.query..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule the_shared_language_depends_only_on_itself_the_jdk_and_annotations = classes()
            .that().resideInAPackage("io.warden.api..")
            .should().onlyDependOnClassesThat(
                    resideInAnyPackage("io.warden.api..", "java..", "com.fasterxml.jackson.annotation..")
                            .or(equivalentTo(Revision.class)));

    @ArchTest
    static final ArchRule the_domain_model_knows_neither_spring_nor_jpa = noClasses()
            .that().resideInAPackage("io.warden.command..")
            .or().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..");
}
