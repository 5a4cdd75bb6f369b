package io.rapport.platform.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** The field-level difference of two JSON trees; nested objects become dotted paths, arrays compare whole. */
final class Changes {

    private Changes() {
    }

    static List<FieldChange> between(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        collect("", before == null ? NullNode.getInstance() : before, after == null ? NullNode.getInstance() : after,
                changes);
        return changes;
    }

    private static void collect(String path, JsonNode before, JsonNode after, List<FieldChange> changes) {
        if (before.isObject() && after.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(path.isEmpty() ? name : path + "." + name, orNull(before.get(name)), orNull(after.get(name)),
                        changes);
            }
        } else if (before.isObject() || after.isObject()) {
            // an object appeared or disappeared: list its leaves so the trail stays field by field
            JsonNode object = before.isObject() ? before : after;
            Iterator<String> names = object.fieldNames();
            if (!names.hasNext()) {
                return;
            }
            names.forEachRemaining(name -> collect(path.isEmpty() ? name : path + "." + name,
                    before.isObject() ? orNull(before.get(name)) : before,
                    after.isObject() ? orNull(after.get(name)) : after, changes));
        } else if (!before.equals(after)) {
            changes.add(new FieldChange(path, before.isNull() ? null : before, after.isNull() ? null : after));
        }
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }
}
