package io.rapport.metrics.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The facts the unit tests feed to {@link Contributions}, with the worked example's defaults (docs/metrics.md:
 * msl-ada of oncology-north in Europe/Berlin, KOL K1, ONCOLOGY, 1 December 2026); each test states what differs.
 */
final class Given {

    static final UUID K1 = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID K2 = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final String ADA = "msl-ada";
    static final String TEAM = "oncology-north";
    static final String AREA = "ONCOLOGY";
    static final String BERLIN = "Europe/Berlin";
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    private Given() {
    }

    static InteractionFacts interaction() {
        return new InteractionFacts();
    }

    static RequestFacts request() {
        return new RequestFacts();
    }

    static InsightFacts insight() {
        return new InsightFacts();
    }

    static Facts.FollowUp followUp(String kind, LocalDate due, String status, Boolean doneOnTime) {
        return new Facts.FollowUp(UUID.randomUUID(), K1, ADA, TEAM, kind, due, status, doneOnTime, 1L);
    }

    static Facts.Share share(UUID kol, LocalDate day, List<String> areas) {
        return new Facts.Share(UUID.randomUUID(), kol, ADA, TEAM, areas, day, 1L);
    }

    static Facts.TransferOfValue transfer(String kind, String amount, String currency) {
        return new Facts.TransferOfValue(kind, new BigDecimal(amount), currency);
    }

    static final class InteractionFacts {
        UUID kol = K1;
        String msl = ADA;
        String team = TEAM;
        String channel = "VIDEO";
        String area = AREA;
        Instant plannedStart;
        LocalDate day = DEC_1;
        Integer minutes;
        String status = "PLANNED";
        Integer feedback;
        Boolean adverseEvent;
        Boolean productComplaint;
        String safetyReportId;
        List<Facts.TransferOfValue> transfers;
        boolean capOverridden;
        boolean offPreference;
        boolean overDuration;

        InteractionFacts status(String value) {
            status = value;
            return this;
        }

        InteractionFacts completed(int durationMinutes) {
            status = "COMPLETED";
            minutes = durationMinutes;
            return this;
        }

        InteractionFacts on(LocalDate value) {
            day = value;
            return this;
        }

        InteractionFacts by(String mslId, String teamName) {
            msl = mslId;
            team = teamName;
            return this;
        }

        InteractionFacts with(UUID kolId) {
            kol = kolId;
            return this;
        }

        InteractionFacts in(String therapeuticArea) {
            area = therapeuticArea;
            return this;
        }

        InteractionFacts channel(String value) {
            channel = value;
            return this;
        }

        InteractionFacts fromPlan() {
            plannedStart = Instant.parse("2026-12-01T09:00:00Z");
            return this;
        }

        InteractionFacts feedback(Integer score) {
            feedback = score;
            return this;
        }

        InteractionFacts adverseEvent(String reportId) {
            adverseEvent = true;
            safetyReportId = reportId;
            return this;
        }

        InteractionFacts productComplaint(String reportId) {
            productComplaint = true;
            safetyReportId = reportId;
            return this;
        }

        InteractionFacts transfer(String kind, String amount, String currency) {
            if (transfers == null) {
                transfers = new ArrayList<>();
            }
            transfers.add(Given.transfer(kind, amount, currency));
            return this;
        }

        InteractionFacts capOverridden() {
            capOverridden = true;
            return this;
        }

        InteractionFacts offPreferenceChannel() {
            offPreference = true;
            return this;
        }

        InteractionFacts overPreferredDuration() {
            overDuration = true;
            return this;
        }

        Facts.Interaction build() {
            return new Facts.Interaction(UUID.randomUUID(), kol, msl, team, channel, area, plannedStart, day, minutes,
                    status, feedback, adverseEvent, productComplaint, safetyReportId, transfers, capOverridden,
                    offPreference, overDuration, 1L);
        }

        Contribution contribution() {
            return Contributions.of(build());
        }
    }

    static final class RequestFacts {
        String status = "RECEIVED";
        boolean offLabel;
        String zone = BERLIN;
        Instant receivedAt = Instant.parse("2026-12-01T10:00:00Z");
        LocalDate day = DEC_1;
        Instant closedAt;
        Boolean onTime;
        String reviewDecision;

        RequestFacts received(String at, String localDate) {
            receivedAt = Instant.parse(at);
            day = LocalDate.parse(localDate);
            return this;
        }

        RequestFacts closed(String closedStatus, String at, Boolean answeredOnTime) {
            status = closedStatus;
            closedAt = Instant.parse(at);
            onTime = answeredOnTime;
            return this;
        }

        RequestFacts status(String value) {
            status = value;
            return this;
        }

        RequestFacts offLabel() {
            offLabel = true;
            return this;
        }

        RequestFacts reviewDecision(String value) {
            reviewDecision = value;
            return this;
        }

        RequestFacts zone(String value) {
            zone = value;
            return this;
        }

        Contribution contribution() {
            return Contributions.of(new Facts.MedicalRequest(UUID.randomUUID(), K1, ADA, TEAM, AREA, offLabel, zone,
                    receivedAt, day, status, closedAt, onTime, reviewDecision, 1L));
        }
    }

    static final class InsightFacts {
        UUID kol = K1;
        String status = "DRAFT";
        String zone = BERLIN;
        Instant submittedAt;
        Instant validatedAt;
        Instant actionedAt;
        Instant rejectedAt;

        InsightFacts status(String value) {
            status = value;
            return this;
        }

        InsightFacts about(UUID kolId) {
            kol = kolId;
            return this;
        }

        InsightFacts zone(String value) {
            zone = value;
            return this;
        }

        InsightFacts submitted(String at) {
            submittedAt = Instant.parse(at);
            return this;
        }

        InsightFacts validated(String at) {
            validatedAt = Instant.parse(at);
            return this;
        }

        InsightFacts actioned(String at) {
            actionedAt = Instant.parse(at);
            return this;
        }

        InsightFacts rejected(String at) {
            rejectedAt = Instant.parse(at);
            return this;
        }

        Contribution contribution() {
            return Contributions.of(new Facts.Insight(UUID.randomUUID(), ADA, TEAM, kol, AREA, status, zone, submittedAt,
                    validatedAt, actionedAt, rejectedAt, 1L));
        }
    }
}
