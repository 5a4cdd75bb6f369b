package io.rapport.interaction.domain;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.platform.replica.Directory;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose new record it is ({@link Owner}): the MSL of the directory, who recorded it, and its time zone. */
@Tag("unit")
class OwnerTest {

    private static final Directory.Entry ADA = new Directory.Entry("msl-ada", "team-onc", "mgr-grace", "Europe/Berlin");

    @Test
    void shouldBelongToTheMslAndTheirTeamWhoeverRecordedIt() {
        Owner owner = Owner.of(ADA, "mgr-grace", null);
        assertThat(owner).isEqualTo(new Owner("msl-ada", "team-onc", "mgr-grace", "Europe/Berlin"));
    }

    @Test
    void shouldKeepTheTimeZoneTheRecordNamesOverTheMsls() {
        assertThat(Owner.of(ADA, "msl-ada", "America/New_York").timeZone()).isEqualTo("America/New_York");
        assertThat(Owner.of(ADA, "msl-ada", null).timeZone()).isEqualTo("Europe/Berlin");
    }
}
