package io.rapport.kol.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.persistence.AttributeConverter;
import java.util.List;

/**
 * JSON documents in jsonb columns, written and read as text (Hibernate Reactive maps jsonb to Vert.x JSON
 * objects only). Stored documents are read leniently: an older row may miss a newer field.
 */
final class JsonColumn {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonColumn() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored document: " + e.getMessage(), e);
        }
    }

    /** The profile column. */
    static final class ProfileConverter implements AttributeConverter<KolProfile, String> {
        @Override
        public String convertToDatabaseColumn(KolProfile profile) {
            return write(profile);
        }

        @Override
        public KolProfile convertToEntityAttribute(String json) {
            return read(json, new TypeReference<KolProfile>() { });
        }
    }

    /** A JSON array of strings (assigned MSLs, markets, countries). */
    public static final class StringListConverter implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> values) {
            return write(values == null ? List.of() : values);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(read(json, new TypeReference<List<String>>() { }));
        }
    }
}
