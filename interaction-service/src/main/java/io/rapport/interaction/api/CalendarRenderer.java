package io.rapport.interaction.api;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import io.rapport.interaction.domain.Interaction;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * An MSL's planned interactions as an RFC 5545 calendar (ical4j), each event in its own time zone (TZID with
 * its VTIMEZONE). Titles name the channel, never the KOL: this service holds no KOL names, and a calendar
 * feed travels to third-party calendar servers.
 */
final class CalendarRenderer {

    static final int DEFAULT_MINUTES = 30;
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private CalendarRenderer() {
    }

    static String render(List<Interaction> planned) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Rapport//Interactions 1.0//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        new TreeSet<>(planned.stream().map(Interaction::timeZone).toList())
                .forEach(zone -> calendar.add(ZONES.getTimeZone(zone).getVTimeZone()));
        for (Interaction interaction : planned) {
            ZonedDateTime start = interaction.plannedStart().atZone(ZoneId.of(interaction.timeZone()));
            int minutes = interaction.durationMinutes() == null ? DEFAULT_MINUTES : interaction.durationMinutes();
            VEvent event = new VEvent(start, start.plusMinutes(minutes), title(interaction));
            event.add(new Uid(interaction.id() + "@rapport"));
            calendar.add(event);
        }
        return calendar.toString();
    }

    /** "Video KOL meeting". */
    static String title(Interaction interaction) {
        String channel = interaction.channel().name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(channel.charAt(0)) + channel.substring(1) + " KOL meeting";
    }
}
