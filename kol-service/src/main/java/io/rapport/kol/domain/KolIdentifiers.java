package io.rapport.kol.domain;

import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.rapport.platform.validation.Identifier;

/** A KOL's identifiers; each belongs to one KOL at most. */
public record KolIdentifiers(
        @Identifier(Identifier.Kind.NPI) String npi,
        @Identifier(Identifier.Kind.ORCID) String orcid,
        @Size(max = 20) List<@Valid External> external) {

    public KolIdentifiers {
        external = external == null ? List.of() : List.copyOf(external);
    }

    public static KolIdentifiers none() {
        return new KolIdentifiers(null, null, List.of());
    }

    /** The id of this KOL in a CRM ({@code veeva} / {@code 0011x000003DGb2}). */
    public record External(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "lower-case letters, digits and '-'") String system,
            @NotBlank @Pattern(regexp = "[\\x21-\\x7E]{1,100}", message = "1 to 100 visible ASCII characters") String id) {
    }

    @JsonIgnore
    @AssertTrue(message = "one id per CRM system")
    public boolean isOneIdPerSystem() {
        return external.stream().map(External::system).filter(Objects::nonNull).distinct().count() == external.size();
    }

    /** These identifiers, completed by the stored ones this row leaves out (an import row may carry only some). */
    public KolIdentifiers over(KolIdentifiers stored) {
        List<External> all = new java.util.ArrayList<>(external);
        stored.external().stream().filter(s -> external.stream().noneMatch(e -> e.system().equals(s.system())))
                .forEach(all::add);
        return new KolIdentifiers(npi != null ? npi : stored.npi(), orcid != null ? orcid : stored.orcid(), all);
    }

    /** The same identifiers plus the given external id, unless that system already has one. */
    public KolIdentifiers with(External id) {
        if (external.stream().anyMatch(e -> e.system().equals(id.system()))) {
            return this;
        }
        List<External> all = new java.util.ArrayList<>(external);
        all.add(id);
        return new KolIdentifiers(npi, orcid, all);
    }
}
