package io.rapport.platform.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Predicate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The value is a well-formed identifier of the given kind (null is valid: combine with {@code @NotNull}).
 * Example: {@code @Identifier(Identifier.Kind.NPI) String npi}.
 */
@Constraint(validatedBy = Identifier.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Identifier {

    Kind value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The identifier kinds, each with its check and the message a client sees when it fails. */
    enum Kind {
        NPI(Identifiers::isNpi, "not a valid NPI (10 digits starting 1 or 2, with a Luhn check digit)"),
        ORCID(Identifiers::isOrcid, "not a valid ORCID iD (dddd-dddd-dddd-ddd[dX] with its check character)"),
        PMID(Identifiers::isPmid, "not a PubMed id (1 to 8 digits, no leading zero)"),
        DOI(Identifiers::isDoi, "not a DOI (10.<registrant>/<suffix>)"),
        NCT(Identifiers::isNct, "not a ClinicalTrials.gov id (NCT and 8 digits)"),
        COUNTRY(Identifiers::isCountry, "not an ISO 3166-1 alpha-2 country code (e.g. DE)"),
        CURRENCY(Identifiers::isCurrency, "not an ISO 4217 currency code (e.g. EUR)");

        private final Predicate<String> check;
        private final String message;

        Kind(Predicate<String> check, String message) {
            this.check = check;
            this.message = message;
        }

        public boolean accepts(String value) {
            return check.test(value);
        }

        public String message() {
            return message;
        }
    }

    /** Applies the kind's check and reports the kind's message. */
    class Validator implements ConstraintValidator<Identifier, String> {
        private Kind kind;
        private String message;

        @Override
        public void initialize(Identifier annotation) {
            kind = annotation.value();
            message = annotation.message().isEmpty() ? kind.message() : annotation.message();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || kind.accepts(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
