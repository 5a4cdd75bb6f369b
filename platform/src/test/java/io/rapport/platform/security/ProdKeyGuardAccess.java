package io.rapport.platform.security;

import java.util.Optional;

/** Lets tests outside this package ask the production key guard about a running configuration. */
public final class ProdKeyGuardAccess {

    private ProdKeyGuardAccess() {
    }

    public static String problem(Optional<String> keyLocation, Optional<String> inlineKey, Optional<String> issuer,
            Optional<String> audiences) {
        return ProdKeyGuard.problem(keyLocation, inlineKey, issuer, audiences);
    }
}
