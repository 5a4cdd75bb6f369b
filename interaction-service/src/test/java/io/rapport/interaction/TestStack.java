package io.rapport.interaction;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.rapport.testing.DevstackResource;

/** Real PostgreSQL and Kafka, and the kol-service stand-in, for every interaction-service test (one boot). */
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "interaction"))
@QuarkusTestResource(KolServiceStub.class)
public final class TestStack {

    private TestStack() {
    }
}
