package io.rapport.metrics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.rapport.testing.DevstackResource;

/** Real PostgreSQL and Kafka for every metrics-service test (one boot). */
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
public final class TestStack {

    private TestStack() {
    }
}
