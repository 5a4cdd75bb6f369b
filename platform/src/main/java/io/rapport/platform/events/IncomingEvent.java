package io.rapport.platform.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A CloudEvent read from Kafka. Its data is read tolerantly: fields the consumer does not know are ignored
 * (producers may add fields), but a field the consumer requires must be there and valid, or the event is
 * poison and goes to the dead-letter topic.
 */
public record IncomingEvent(UUID id, String type, String source, String subject, Instant time, JsonNode data,
        String topic, int partition, long offset) {

    private static final ObjectMapper TOLERANT = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static volatile Validator validator;

    /** The data as the consumer's view of the schema (a record with Bean Validation constraints). */
    public <T> T dataAs(Class<T> view) {
        T value;
        try {
            value = TOLERANT.treeToValue(data, view);
        } catch (Exception e) {
            throw new PoisonEventException(type + " data does not match " + view.getSimpleName() + ": " + e.getMessage());
        }
        Set<ConstraintViolation<T>> violations = validator().validate(value);
        if (!violations.isEmpty()) {
            throw new PoisonEventException(type + " data is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return value;
    }

    /** Quarkus' validator inside the application; a plain one in unit tests. */
    private static Validator validator() {
        if (validator == null) {
            var container = io.quarkus.arc.Arc.container();
            validator = container != null && container.isRunning() ? container.instance(Validator.class).get()
                    : Validation.buildDefaultValidatorFactory().getValidator();
        }
        return validator;
    }

    /** The aggregate version carried in the data, for consumers that drop stale events. */
    public long aggregateVersion() {
        JsonNode version = data.get("aggregateVersion");
        if (version == null || !version.canConvertToLong()) {
            throw new PoisonEventException(type + " has no aggregateVersion");
        }
        return version.asLong();
    }
}
