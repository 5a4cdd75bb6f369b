package io.rapport.platform.validation;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * UUIDs as this API writes them, read strictly: {@link UUID#fromString} also takes short groups
 * ({@code 3f2b6c1e-9a1d-4c7e-8f7a-2b1d0c9e8a7} becomes another UUID than the client meant), so a typo would name
 * some other record instead of being refused.
 */
public final class Uuids {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** The UUID in its 8-4-4-4-12 hexadecimal form; {@link IllegalArgumentException} for anything else. */
    public static UUID parse(String value) {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a UUID in its 8-4-4-4-12 hexadecimal form");
        }
        return UUID.fromString(value);
    }
}
