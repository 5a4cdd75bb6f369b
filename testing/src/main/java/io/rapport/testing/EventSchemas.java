package io.rapport.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event catalogue {@code docs/events/asyncapi.yaml} as a test oracle: producer tests check what they
 * emit against it, consumer tests build their input from its examples. Each message's {@code name} is its
 * CloudEvents type.
 */
public final class EventSchemas {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNode DOCUMENT = load();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private EventSchemas() {
    }

    /** Fails unless the record is a binary-mode CloudEvent whose data matches its type's schema. */
    public static void assertValid(ReceivedEvent event) {
        assertThat(event.headers()).as("CloudEvents headers of %s", event)
                .containsEntry("ce_specversion", "1.0")
                .containsKeys("ce_id", "ce_type", "ce_source", "ce_subject", "ce_time");
        assertThat(event.headers().get("content-type")).startsWith("application/json");
        UUID.fromString(event.id());
        assertThat(event.key()).as("record key is the aggregate id").isEqualTo(event.subject());
        assertMatches(event.type(), event.data());
    }

    /** Fails unless {@code data} matches the payload schema of the message whose name is {@code type}. */
    public static void assertMatches(String type, JsonNode data) {
        ObjectNode root = YAML.createObjectNode();
        root.set("components", DOCUMENT.path("components"));
        root.putArray("allOf").add(message(type).path("payload"));
        JsonSchema schema = FACTORY.getSchema(root);
        Set<ValidationMessage> errors = schema.validate(data);
        assertThat(errors).as("%s data %s against docs/events/asyncapi.yaml", type, data).isEmpty();
    }

    /** The first example payload of an event type, as documented. */
    public static ObjectNode example(String type) {
        JsonNode example = message(type).path("examples").path(0).path("payload");
        if (!example.isObject()) {
            throw new AssertionError("docs/events/asyncapi.yaml has no example payload for " + type);
        }
        return ((ObjectNode) example).deepCopy();
    }

    /** The message definition (under components.messages) whose name is the given CloudEvents type. */
    public static JsonNode message(String type) {
        Iterator<JsonNode> messages = DOCUMENT.path("components").path("messages").elements();
        while (messages.hasNext()) {
            JsonNode message = messages.next();
            if (type.equals(message.path("name").asText())) {
                return message;
            }
        }
        throw new AssertionError("docs/events/asyncapi.yaml documents no message named " + type);
    }

    static JsonNode document() {
        return DOCUMENT;
    }

    private static JsonNode load() {
        Path file = locate();
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Path locate() {
        String root = System.getProperty("rapport.root");
        Path dir = Path.of(root != null ? root : System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("docs/events/asyncapi.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/events/asyncapi.yaml not found above " + dir);
    }
}
