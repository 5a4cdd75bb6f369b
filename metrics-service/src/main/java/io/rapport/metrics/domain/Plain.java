package io.rapport.metrics.domain;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A name without control characters (an MSL id, team, code, channel). Names reach SQL arrays, where platform
 * SqlArrays joins values with U+001F and marks a null with U+001E: a team "a&lt;U+001F&gt;b" would be read as
 * the two teams a and b, and a metric name would split the same way. An event carrying one is poison (it goes
 * to the dead-letter topic) rather than counted under names nobody sent.
 */
@Pattern(regexp = Plain.REGEX)
@Constraint(validatedBy = {})
@Target({ FIELD, METHOD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface Plain {

    String REGEX = "[^\\p{Cc}]*";

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The same rule for a name from a request. */
    final class Check {
        private Check() {
        }

        public static boolean holds(String name) {
            return name == null || name.matches(REGEX);
        }
    }
}
