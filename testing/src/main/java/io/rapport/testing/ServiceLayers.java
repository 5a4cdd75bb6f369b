package io.rapport.testing;

import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layer rule of docs/architecture.md ("Inside a service") for one service, all of it and with no frozen
 * exceptions: {@code api} is the HTTP edge and goes through {@code domain}; {@code domain} holds the rules and
 * uses its repositories in {@code persistence}, and knows no HTTP, no wire format of the API and no messaging;
 * {@code persistence} stores the domain's entities and values but calls none of its services; {@code events}
 * turns messages into domain calls and domain events into messages, and reaches no repository. Only {@code api}
 * uses {@code platform.api}. And no method of a service takes more than {@value #MAX_PARAMETERS} parameters: a
 * longer signature takes a value object (a record of what belongs together, or a {@code @BeanParam} record of
 * query parameters). Constructors are exempt (a bean's constructor injects its dependencies; a record's takes its
 * components), and so is a method that implements a third-party type's (e.g. {@code MessageBodyWriter.writeTo}),
 * whose signature is not ours to choose. Each service checks itself with
 * {@code @ArchTest static final ArchRule layers = ServiceLayers.of("io.rapport.kol");}.
 */
public final class ServiceLayers {

    /** HTTP and the API's edge helpers: only a service's {@code api} package may use them. */
    private static final String[] HTTP = { "io.rapport.platform.api..", "jakarta.ws.rs..", "org.jboss.resteasy..",
            "io.quarkus.resteasy..", "io.vertx.core.http..", "io.vertx.ext.web.." };
    private static final String[] MESSAGING = { "org.eclipse.microprofile.reactive.messaging..",
            "io.smallrye.reactive.messaging..", "org.apache.kafka.." };
    /** The most parameters a method of a service takes. */
    public static final int MAX_PARAMETERS = 5;

    private ServiceLayers() {
    }

    public static ArchRule of(String servicePackage) {
        String api = servicePackage + ".api..";
        String domain = servicePackage + ".domain..";
        String events = servicePackage + ".events..";
        String persistence = servicePackage + ".persistence..";
        ArchRule domainKnowsNoTransport = noClasses().that().resideInAPackage(domain).should().dependOnClassesThat()
                .resideInAnyPackage(concat(new String[] { api, events }, HTTP, MESSAGING))
                .because("the domain knows neither the API, the events nor any transport: a resource, a consumer or a "
                        + "job calls it the same way");
        ArchRule apiGoesThroughDomain = noClasses().that().resideInAPackage(api).should().dependOnClassesThat()
                .resideInAnyPackage(persistence, events).because("the API goes through the domain");
        ArchRule persistenceStoresOnly = noClasses().that().resideInAPackage(persistence).should()
                .dependOnClassesThat(are(domainServices(domain)))
                .because("persistence stores the domain's entities and values and calls none of its services");
        ArchRule persistenceKnowsNoTransport = noClasses().that().resideInAPackage(persistence).should()
                .dependOnClassesThat().resideInAnyPackage(concat(new String[] { api, events }, HTTP, MESSAGING))
                .because("persistence knows neither the API, the events nor any transport");
        ArchRule eventsGoThroughDomain = noClasses().that().resideInAPackage(events).should().dependOnClassesThat()
                .resideInAnyPackage(concat(new String[] { api, persistence }, HTTP))
                .because("events turn messages into domain calls and reach no repository and no HTTP");
        ArchRule shortSignatures = methods().that().areDeclaredInClassesThat().resideInAPackage(servicePackage + "..")
                .and(are(writtenInTheSource())).and(DescribedPredicate.not(implementingAThirdPartySignature()))
                .should(takeAtMost(MAX_PARAMETERS))
                .because("a signature with more than " + MAX_PARAMETERS + " parameters takes a value object instead");
        return CompositeArchRule.of(domainKnowsNoTransport).and(apiGoesThroughDomain).and(persistenceStoresOnly)
                .and(persistenceKnowsNoTransport).and(eventsGoThroughDomain).and(shortSignatures);
    }

    /** Not made by the compiler: a lambda's body method takes what it captures, a bridge what it bridges. */
    private static DescribedPredicate<JavaMethod> writtenInTheSource() {
        return DescribedPredicate.describe("written in the source", (JavaMethod method) -> !method.getModifiers()
                .contains(JavaModifier.SYNTHETIC) && !method.getModifiers().contains(JavaModifier.BRIDGE));
    }

    /**
     * A method a supertype outside Rapport declares with the same name and number of parameters (e.g. JAX-RS's
     * {@code MessageBodyWriter.writeTo}, seven): its signature is fixed by that type.
     */
    private static DescribedPredicate<JavaMethod> implementingAThirdPartySignature() {
        return DescribedPredicate.describe("implementing a third-party signature", (JavaMethod method) -> {
            JavaClass owner = method.getOwner();
            return Stream.concat(owner.getAllRawInterfaces().stream(), owner.getAllRawSuperclasses().stream())
                    .filter(type -> !type.getPackageName().startsWith("io.rapport"))
                    .flatMap(type -> type.getMethods().stream())
                    .anyMatch(declared -> declared.getName().equals(method.getName())
                            && declared.getRawParameterTypes().size() == method.getRawParameterTypes().size());
        });
    }

    private static ArchCondition<JavaMethod> takeAtMost(int max) {
        return new ArchCondition<>("take at most " + max + " parameters") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                int count = method.getRawParameterTypes().size();
                if (count > max) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes " + count
                            + " parameters in " + method.getSourceCodeLocation()));
                }
            }
        };
    }

    /** The domain's services: its beans (entities, values, rules and ports are not beans). */
    private static DescribedPredicate<JavaClass> domainServices(String domain) {
        return resideInAPackage(domain).and(DescribedPredicate.describe("application-scoped",
                (JavaClass c) -> c.isAnnotatedWith("jakarta.enterprise.context.ApplicationScoped")))
                .as("services of " + domain);
    }

    private static String[] concat(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
