package io.rapport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProdKeyGuardTest {

    private static final Optional<String> DEV_KEY = Optional.of("classpath:" + ProdKeyGuard.DEV_KEY_RESOURCE);

    @Test
    void shouldRefuseTheRepositoryDevKeyInProduction() {
        assertThat(ProdKeyGuard.problem(DEV_KEY, Optional.empty(), Optional.of("https://login.example.com")))
                .contains("dev key");
    }

    @Test
    void shouldRefuseToRunWithoutAnIssuerOrWithTheDevIssuer() {
        assertThat(ProdKeyGuard.problem(DEV_KEY, Optional.empty(), Optional.empty())).contains("issuer");
        assertThat(ProdKeyGuard.problem(DEV_KEY, Optional.empty(), Optional.of(ProdKeyGuard.DEV_ISSUER))).contains("issuer");
    }

    @Test
    void shouldAcceptAnotherKeyWithAnIssuer() {
        String otherKey = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtest\n-----END PUBLIC KEY-----";
        assertThat(ProdKeyGuard.problem(Optional.empty(), Optional.of(otherKey), Optional.of("https://login.example.com")))
                .isNull();
        assertThat(ProdKeyGuard.problem(Optional.empty(), Optional.empty(), Optional.of("https://login.example.com")))
                .contains("no public key");
    }
}
