package io.rapport.kol.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.rapport.kol.domain.Contactability;
import io.rapport.kol.domain.DataProtection;
import io.rapport.kol.domain.DoNotContact;
import io.rapport.kol.domain.Kol;
import io.rapport.kol.domain.KolProfile;

/**
 * A KOL as the API shows it: the profile's fields (what a merge patch changes) side by side with the
 * read-only ones (id, status, version, assignments, the rights and the contactability derived from them, who
 * changed it when).
 */
@Schema(name = "Kol", description = "The profile fields plus read-only id, version, assignments, data-protection "
        + "rights and contactability")
public record KolView(
        UUID id,
        @Schema(description = "ETag of this version; send it in If-Match to change the KOL") long version,
        List<String> assignedMsls,
        @Schema(description = "Derived: whether MSLs may contact this KOL now, and why not") Contactability contactability,
        @Schema(readOnly = true, description = "Lawful basis, privacy notice, objection and consents per purpose. "
                + "Read-only here: changed by POST/DELETE /kols/{id}/objection, PUT /kols/{id}/consents/{purpose}, "
                + "PUT /kols/{id}/lawful-basis and PUT /kols/{id}/privacy-notice") DataProtection dataProtection,
        @Schema(readOnly = true, description = "Read-only here: changed by PUT/DELETE /kols/{id}/do-not-contact") DoNotContact doNotContact,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        @JsonUnwrapped @Schema(implementation = KolProfile.class) KolProfile profile) {

    static KolView from(Kol kol) {
        return new KolView(kol.id(), kol.version(), kol.assignedMsls(), kol.contactability(),
                kol.rights().dataProtection(), kol.rights().doNotContact(), kol.createdAt(), kol.createdBy(),
                kol.updatedAt(), kol.updatedBy(), kol.profile());
    }
}
