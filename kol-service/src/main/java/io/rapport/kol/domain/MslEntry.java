package io.rapport.kol.domain;

import io.rapport.platform.validation.Identifier;
import io.rapport.platform.validation.TimeZoneId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What the directory holds about an MSL (the body of {@code PUT /msls/{id}}). */
public record MslEntry(
        @NotBlank @Size(max = 200) String displayName,
        @NotBlank @Size(max = 100) String team,
        @Size(max = 100) String manager,
        @Size(max = 50) List<@NotNull @Identifier(Identifier.Kind.COUNTRY) String> territoryCountries,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "a therapeutic area code") String>
                therapeuticAreas,
        @NotNull @TimeZoneId String timeZone) {

    public MslEntry {
        territoryCountries = territoryCountries == null ? List.of() : List.copyOf(territoryCountries);
        therapeuticAreas = therapeuticAreas == null ? List.of() : List.copyOf(therapeuticAreas);
    }
}
