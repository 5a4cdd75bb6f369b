package io.rapport.platform.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An IANA time zone id known to the JVM (e.g. {@code Europe/Berlin}); null is valid. */
@Constraint(validatedBy = TimeZoneId.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface TimeZoneId {

    String message() default "not an IANA time zone (e.g. Europe/Berlin)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Only region ids ("Europe/Berlin"), not offsets or abbreviations, so local dates follow DST rules. */
    class Validator implements ConstraintValidator<TimeZoneId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.contains("/") && ZoneId.getAvailableZoneIds().contains(value);
        }
    }
}
