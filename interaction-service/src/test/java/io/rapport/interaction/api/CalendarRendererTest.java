package io.rapport.interaction.api;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.interaction.domain.Channel;
import io.rapport.interaction.domain.Interaction;
import io.rapport.interaction.domain.InteractionDraft;
import io.rapport.interaction.domain.InteractionKind;
import io.rapport.interaction.domain.Owner;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** The iCalendar text of a feed ({@link CalendarRenderer}), parsed back as a calendar client would. */
@Tag("unit")
class CalendarRendererTest {

    private static final UUID KOL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private static Interaction planned(Channel channel, String start, Integer minutes, String zone) {
        return Interaction.record(UUID.randomUUID(), new InteractionDraft(KOL, null, channel, InteractionKind.ONE_TO_ONE,
                "Discuss Dr. Example's trial", List.of(), null, List.of(), null, Instant.parse(start), minutes, null,
                List.of()), null, new Owner("msl-ada", "team-onc", "msl-ada", zone));
    }

    private static Calendar parsed(List<Interaction> planned) throws Exception {
        return new CalendarBuilder().build(new StringReader(CalendarRenderer.render(planned)));
    }

    private static String value(Component component, String property) {
        return component.getProperty(property).orElseThrow().getValue();
    }

    private static VEvent event(Calendar calendar, Interaction interaction) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().filter(e -> value(e, Property.UID).equals(interaction.id() + "@rapport")).findFirst()
                .orElseThrow();
    }

    @Test
    void shouldTitleAnEventByItsChannelNeverByTheKol() {
        assertThat(CalendarRenderer.title(planned(Channel.VIDEO, "2026-03-02T09:00:00Z", 30, "UTC")))
                .isEqualTo("Video KOL meeting");
        assertThat(CalendarRenderer.title(planned(Channel.IN_PERSON, "2026-03-02T09:00:00Z", 30, "UTC")))
                .isEqualTo("In person KOL meeting");
    }

    @Test
    void shouldPlaceAnEventInItsOwnTimeZoneForItsDuration() throws Exception {
        Interaction video = planned(Channel.VIDEO, "2026-03-02T09:00:00Z", 45, "Europe/Berlin");
        Calendar calendar = parsed(List.of(video));
        VEvent event = event(calendar, video);
        var start = event.getProperty(Property.DTSTART).orElseThrow();
        assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Europe/Berlin");
        assertThat(start.getValue()).isEqualTo("20260302T100000");
        assertThat(value(event, Property.DTEND)).isEqualTo("20260302T104500");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Video KOL meeting");
    }

    @Test
    void shouldGiveAnEventWithoutDurationHalfAnHour() throws Exception {
        Interaction call = planned(Channel.PHONE, "2026-07-01T15:00:00Z", null, "America/New_York");
        VEvent event = event(parsed(List.of(call)), call);
        assertThat(value(event, Property.DTSTART)).isEqualTo("20260701T110000");
        assertThat(value(event, Property.DTEND)).isEqualTo("20260701T113000");
    }

    @Test
    void shouldDescribeEachTimeZoneOnce() throws Exception {
        Calendar calendar = parsed(List.of(planned(Channel.VIDEO, "2026-03-02T09:00:00Z", 30, "Europe/Berlin"),
                planned(Channel.PHONE, "2026-03-03T09:00:00Z", 30, "Europe/Berlin"),
                planned(Channel.VIDEO, "2026-03-04T09:00:00Z", 30, "America/New_York")));
        assertThat(calendar.getComponents(Component.VEVENT)).hasSize(3);
        List<net.fortuna.ical4j.model.component.VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).extracting(z -> value(z, Property.TZID))
                .containsExactlyInAnyOrder("Europe/Berlin", "America/New_York");
    }

    @Test
    void shouldKeepTheKolAndThePurposeOutOfTheFeed() {
        String ics = CalendarRenderer.render(List.of(planned(Channel.VIDEO, "2026-03-02T09:00:00Z", 30, "UTC")));
        assertThat(ics).doesNotContain(KOL.toString()).doesNotContain("Dr. Example");
    }

    @Test
    void shouldRenderAnEmptyButValidCalendarWhenNothingIsPlanned() throws Exception {
        Calendar calendar = parsed(List.of());
        assertThat(calendar.getComponents(Component.VEVENT)).isEmpty();
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
    }
}
