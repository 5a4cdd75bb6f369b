package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API versions of a Strimzi resource a property exists in ({@code v1beta2}, {@code v1+}, {@code v1alpha1-v1beta2}).
 * Strimzi's model classes carry this annotation of its crd-annotations artifact, which Strimzi's build has but does not
 * pass on (provided scope) and does not publish for 0.51.0 (1.2.0's needs Java 21). This declaration, same name and
 * element, lets ManifestModels read it by reflection and refuse a v1beta2-only field in a v1 manifest.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.FIELD })
public @interface PresentInVersions {
    String value();
}
