package io.rapport.metrics.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.metrics.persistence.PersonalDataReader;
import io.smallrye.mutiny.Uni;

/**
 * GDPR Art. 15: what metrics-service holds about one KOL, for kol-service's export. metrics-service holds no
 * names or free text; it holds the KOL's profile facts (tier, country, areas, assigned MSLs, conflicts of
 * interest), their relationship health (a profiling result), and the numbers counted under their id.
 */
@ApplicationScoped
public class PersonalData {

    public static final String SERVICE = "metrics-service";

    private final PersonalDataReader reader;
    private final ObjectMapper json;

    public PersonalData(PersonalDataReader reader, ObjectMapper json) {
        this.reader = reader;
        this.json = json;
    }

    @Schema(name = "MetricsPersonalData", description = "Everything metrics-service holds about a KOL (GDPR Art. 15)")
    public record Export(String service, UUID kolId, Records records) {
    }

    @Schema(name = "MetricsPersonalDataRecords", description = "By kind; empty lists when nothing is held")
    public record Records(List<Profile> profile, List<Health> relationshipHealth, List<DailyCounter> dailyCounters,
            List<ContactDay> contacts, List<CountedRecord> countedRecords) {
    }

    @Schema(name = "MetricsKolProfile", description = "The KOL as kol-service published it (status ERASED: a tombstone)")
    public record Profile(String status, Integer tier, String country, List<String> therapeuticAreas,
            List<String> assignedMsls, boolean conflictsOfInterest, long version) {
    }

    @Schema(name = "MetricsKolHealthRecord", description = "Relationship health 0-100 and its components")
    public record Health(int score, int recency, int frequency, int feedback, int reciprocity, int responsiveness,
            LocalDate lastContact, int recentContacts, LocalDate computedOn) {
    }

    @Schema(name = "MetricsDailyCounter", description = "One counter of one local day under the KOL")
    public record DailyCounter(LocalDate day, String metric, long value) {
    }

    @Schema(name = "MetricsContactDay", description = "An MSL met (met) or reached with content the KOL on a day")
    public record ContactDay(LocalDate day, String mslId, String team, int met, int content) {
    }

    @Schema(name = "MetricsCountedRecord", description = "A record of another service counted under the KOL: its "
            + "last applied version and what it contributes (cells of counters and contacts)")
    public record CountedRecord(String kind, String aggregateId, long version, JsonNode contribution) {
    }

    @WithSession
    public Uni<Export> of(UUID kolId) {
        return reader.profile(kolId).chain(profile -> reader.health(kolId).chain(health -> reader.dailyCounters(kolId)
                .chain(counters -> reader.contacts(kolId).chain(contacts -> reader.countedRecords(kolId)
                        .map(counted -> new Export(SERVICE, kolId, new Records(
                                profile.stream().map(PersonalData::profile).toList(),
                                health.stream().map(PersonalData::health).toList(),
                                counters.stream().map(PersonalData::counter).toList(),
                                contacts.stream().map(PersonalData::contact).toList(),
                                counted.stream().map(this::counted).toList())))))));
    }

    private static Profile profile(Object[] r) {
        return new Profile((String) r[0], r[1] == null ? null : ((Number) r[1]).intValue(), (String) r[2], list(r[3]),
                list(r[4]), Boolean.TRUE.equals(r[5]), ((Number) r[6]).longValue());
    }

    private static Health health(Object[] r) {
        return new Health(i(r[0]), i(r[1]), i(r[2]), i(r[3]), i(r[4]), i(r[5]), date(r[6]), i(r[7]), date(r[8]));
    }

    private static DailyCounter counter(Object[] r) {
        return new DailyCounter(date(r[0]), (String) r[1], ((Number) r[2]).longValue());
    }

    private static ContactDay contact(Object[] r) {
        return new ContactDay(date(r[0]), (String) r[1], (String) r[2], i(r[3]), i(r[4]));
    }

    private CountedRecord counted(Object[] r) {
        try {
            return new CountedRecord((String) r[0], (String) r[1], ((Number) r[2]).longValue(), json.readTree((String) r[3]));
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable contribution of " + r[0] + " " + r[1], e);
        }
    }

    private static List<String> list(Object joined) {
        String text = (String) joined;
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\u001f"));
    }

    private static int i(Object value) {
        return ((Number) value).intValue();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate day) {
            return day;
        }
        if (value instanceof java.sql.Date day) {
            return day.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
