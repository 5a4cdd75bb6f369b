package io.rapport.interaction.domain;

import io.rapport.platform.replica.Directory;

/**
 * Whose new record it is: the MSL it belongs to and their team, who wrote it down for them (the MSL, their
 * manager, an integration) and the time zone its local dates are read in.
 */
public record Owner(String mslId, String team, String recordedBy, String timeZone) {

    /** For an MSL of the directory, in the time zone the record names, else the MSL's own. */
    public static Owner of(Directory.Entry msl, String recordedBy, String timeZone) {
        return new Owner(msl.userId(), msl.team(), recordedBy, timeZone != null ? timeZone : msl.timeZone());
    }
}
