package io.rapport.platform.persistence;

import java.util.List;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A value stored as JSON text in a {@code jsonb} column. Hibernate Reactive maps jsonb to Vert.x JSON objects
 * only, so the column is read as {@code col::text} and written as {@code ?::text::jsonb}
 * ({@code @ColumnTransformer}). Stored documents are read leniently: an older row may miss a newer field.
 * Subclass with the type: {@code class Topics extends JsonConverter<List<String>>}.
 */
public abstract class JsonConverter<T> implements AttributeConverter<T, String> {

    public static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final TypeReference<T> type;

    protected JsonConverter(TypeReference<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store " + value, e);
        }
    }

    @Override
    public T convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored document: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON array of strings (codes, ids, tags). */
    public static class StringList extends JsonConverter<List<String>> {
        public StringList() {
            super(new TypeReference<List<String>>() {
            });
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            List<String> values = super.convertToEntityAttribute(json);
            return values == null ? List.of() : List.copyOf(values);
        }
    }
}
