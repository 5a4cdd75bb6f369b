package io.rapport.kol;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.rapport.testing.DevstackResource;

/** The real PostgreSQL and Kafka every kol-service test runs against (one Quarkus boot for all). */
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "kol"))
public final class TestStack {

    private TestStack() {
    }
}
