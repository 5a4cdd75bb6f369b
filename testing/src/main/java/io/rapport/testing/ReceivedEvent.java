package io.rapport.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A record read back from Kafka in a test: its key, its headers and its JSON data. */
public record ReceivedEvent(String topic, int partition, long offset, String key, Map<String, String> headers,
        byte[] value) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String id() {
        return headers.get("ce_id");
    }

    public String type() {
        return headers.get("ce_type");
    }

    public String subject() {
        return headers.get("ce_subject");
    }

    public JsonNode data() {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Event data is not JSON: " + new String(value), e);
        }
    }

    @Override
    public String toString() {
        return type() + " key=" + key + " " + topic + "/" + partition + "@" + offset + " " + new String(value);
    }
}
