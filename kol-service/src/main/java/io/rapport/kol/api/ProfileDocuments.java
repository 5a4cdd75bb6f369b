package io.rapport.kol.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.kol.domain.ImportRow;
import io.rapport.kol.domain.KolProfile;
import io.rapport.kol.domain.RightsFields;
import io.rapport.platform.api.JsonBodies;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.FieldError;
import io.rapport.platform.domain.Patch;

/**
 * KOL profile documents as the API receives them (a create or upsert body, a merge patch, an import row), read
 * into the domain's {@link KolProfile}: strictly, validated, and refused when they carry the KOL's rights, whatever
 * their value (the rights endpoints change them; the domain says which members they are and where they go).
 */
@ApplicationScoped
public class ProfileDocuments {

    private final JsonBodies bodies;

    public ProfileDocuments(JsonBodies bodies) {
        this.bodies = bodies;
    }

    /** A create or upsert body; 400 when it is not an object, carries rights or is not a valid profile. */
    public KolProfile profile(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw DomainException.invalid("body", "a KOL profile is a JSON object");
        }
        RightsFields.refuse(members(document));
        return bodies.read(document, KolProfile.class);
    }

    /** A JSON Merge Patch of the profile; 400 at once when it changes the rights or is not an object. */
    public Patch<KolProfile> patch(JsonNode patch) {
        RightsFields.refuse(members(patch));
        return bodies.patch(patch, KolProfile.class);
    }

    /**
     * An import row as the domain takes it: the profile, or the errors it is reported with (the import goes on
     * with the next row, so nothing is thrown).
     */
    ImportRow row(ImportParser.Row row) {
        if (row.unreadable() != null) {
            return ImportRow.unreadable(row.number(), row.unreadable());
        }
        if (!row.document().isObject()) {
            return ImportRow.unreadable(row.number(), "a row is one KOL profile: a JSON object");
        }
        // a row is a profile: it cannot carry the rights, not even to reset them (they stay as they are)
        List<FieldError> rights = RightsFields.in(members(row.document()));
        if (!rights.isEmpty()) {
            return ImportRow.rejected(row.number(), rights);
        }
        try {
            return ImportRow.of(row.number(), bodies.read(row.document(), KolProfile.class));
        } catch (DomainException e) {
            return ImportRow.rejected(row.number(), e.errors().isEmpty()
                    ? List.of(new FieldError("row", e.getMessage()))
                    : e.errors());
        } catch (ConstraintViolationException e) {
            return ImportRow.rejected(row.number(), e.getConstraintViolations().stream()
                    .map(FieldError::of)
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList());
        }
    }

    /** The names of a document's top-level members; none when it is not an object. */
    private static List<String> members(JsonNode document) {
        List<String> names = new ArrayList<>();
        if (document != null && document.isObject()) {
            document.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
