package io.rapport.kol.domain;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rapport.platform.validation.Identifier;
import io.rapport.platform.validation.TimeZoneId;

/**
 * What the directory holds about an MSL (the body of {@code PUT /msls/{id}}). Team and manager travel to every
 * service and end up in SQL arrays there (joined by the unit and record separators U+001F and U+001E), so they,
 * like the name, carry no control characters.
 */
public record MslEntry(
        @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROLS, message = "no control characters") String displayName,
        @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROLS, message = "no control characters") String team,
        @Size(max = 100) @Pattern(regexp = USER_ID, message = "a user id: letters, digits and '.', '_', '@', '+', '-', "
                + "starting with a letter or digit") String manager,
        @Size(max = 50) List<@NotNull @Identifier(Identifier.Kind.COUNTRY) String> territoryCountries,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "a therapeutic area code") String> therapeuticAreas,
        @NotNull @TimeZoneId String timeZone) {

    /** A user id as identity providers issue them (usernames, e-mail addresses, UUIDs): no spaces or controls. */
    public static final String USER_ID = "[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}";

    /** Text without control characters (C0, DEL, C1: the separators of SQL arrays among them). */
    public static final String NO_CONTROLS = "[^\\p{Cc}]*";

    public MslEntry {
        territoryCountries = territoryCountries == null ? List.of() : List.copyOf(territoryCountries);
        therapeuticAreas = therapeuticAreas == null ? List.of() : List.copyOf(therapeuticAreas);
    }
}
