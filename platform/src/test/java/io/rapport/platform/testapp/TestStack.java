package io.rapport.platform.testapp;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.rapport.testing.DevstackResource;

/**
 * One real PostgreSQL and Kafka for all platform tests. Not reused from a running devstack: these tests stop
 * and start both.
 */
@QuarkusTestResource(value = DevstackResource.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"), @ResourceArg(name = "reuse", value = "false") })
public final class TestStack {

    private TestStack() {
    }
}
