package io.rapport.insight;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.rapport.testing.DevstackResource;

/** Real PostgreSQL and Kafka for every insight-service test (one boot). */
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "insight"))
public final class TestStack {

    private TestStack() {
    }
}
