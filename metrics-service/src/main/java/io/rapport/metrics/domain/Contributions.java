package io.rapport.metrics.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.rapport.metrics.domain.Counters.*;

/**
 * What each aggregate's current state contributes (docs/metrics.md, "Counters"). Pure functions of the state
 * an event carries, so an amendment is the new contribution minus the old one.
 */
public final class Contributions {

    private static final Set<String> SHARED_INSIGHT = Set.of("SUBMITTED", "VALIDATED", "ACTIONED", "REJECTED");
    private static final Set<String> ANSWERED = Set.of("ANSWERED", "FORWARDED_TO_MEDICAL_INFORMATION");

    private Contributions() {
    }

    public static Contribution of(Facts.Interaction i) {
        Cell cell = Cell.on(i.localDate(), i.mslId(), i.team(), i.kolId(), i.therapeuticArea());
        boolean completed = "COMPLETED".equals(i.status());
        switch (i.status()) {
            case "PLANNED" -> cell.add(PLANNED, 1);
            case "CANCELLED" -> cell.add(CANCELLED, 1);
            case "NO_SHOW" -> cell.add(NO_SHOW, 1);
            default -> {
            }
        }
        cell.addIf(i.capOverridden() && ("PLANNED".equals(i.status()) || completed), CAP_OVERRIDDEN);
        if (!completed) {
            return Contribution.of(List.of(cell));
        }
        cell.add(COMPLETED, 1).add(completedOn(i.channel()), 1).addIf(i.plannedStart() != null, COMPLETED_FROM_PLAN)
                .addIf(i.offPreferenceChannel(), OFF_PREFERENCE_CHANNEL)
                .addIf(i.overPreferredDuration(), OVER_PREFERRED_DURATION)
                .add(MINUTES, i.durationMinutes() == null ? 0 : i.durationMinutes());
        if (i.feedbackScore() != null) {
            cell.add(FEEDBACK_SUM, i.feedbackScore()).add(FEEDBACK_COUNT, 1);
        }
        boolean safetyMention = Boolean.TRUE.equals(i.adverseEventMentioned())
                || Boolean.TRUE.equals(i.productComplaintMentioned());
        cell.addIf(safetyMention, SAFETY_MENTIONED);
        // Reported at once: the obligation is met the day it arose (otherwise a follow-up carries it).
        boolean reportedAtOnce = safetyMention && i.safetyReportId() != null;
        cell.addIf(reportedAtOnce, SAFETY_DUE).addIf(reportedAtOnce, SAFETY_ON_TIME);
        if (i.transfersOfValue() != null) {
            for (Facts.TransferOfValue t : i.transfersOfValue()) {
                cell.add(transferCount(t.kind()), 1).add(transferCents(t.kind(), t.currency()), cents(t.amount()));
            }
        }
        return new Contribution(List.of(cell), List.of(new Contact(i.kolId(), i.mslId(), i.localDate(), i.team(), 1, 0)));
    }

    public static Contribution of(Facts.FollowUp f) {
        Cell cell = Cell.on(f.dueDate(), f.assignee(), f.team(), f.kolId(), null).add(FOLLOW_UPS_DUE, 1);
        boolean done = "DONE".equals(f.status());
        boolean onTime = done && Boolean.TRUE.equals(f.doneOnTime());
        cell.addIf(done, FOLLOW_UPS_DONE).addIf(onTime, FOLLOW_UPS_ON_TIME)
                .addIf("DROPPED".equals(f.status()), FOLLOW_UPS_DROPPED)
                .addIf(onTime && "SAFETY_REPORT".equals(f.kind()), SAFETY_ON_TIME);
        return Contribution.of(List.of(cell));
    }

    public static Contribution of(Facts.SafetyReportDue s) {
        return Contribution.of(List.of(Cell.on(s.dueDate(), s.mslId(), s.team(), s.kolId(), null).add(SAFETY_DUE, 1)));
    }

    public static Contribution of(Facts.MedicalRequest r) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.on(r.localDate(), r.mslId(), r.team(), r.kolId(), r.therapeuticArea()).add(REQUESTS_RECEIVED, 1)
                .addIf(r.offLabel(), REQUESTS_OFF_LABEL)
                .addIf("COMPLIANCE_REVIEW".equals(r.status()) || r.reviewDecision() != null, REQUESTS_FLAGGED));
        if (r.closedAt() != null && (ANSWERED.contains(r.status()) || "WITHDRAWN".equals(r.status()))) {
            Cell closed = Cell.on(localDate(r.closedAt(), r.timeZone()), r.mslId(), r.team(), r.kolId(),
                    r.therapeuticArea());
            if (ANSWERED.contains(r.status())) {
                double hours = Duration.between(r.receivedAt(), r.closedAt()).toSeconds() / 3600.0;
                closed.add(REQUESTS_ANSWERED, 1).addIf(Boolean.TRUE.equals(r.onTime()), REQUESTS_ON_TIME)
                        .add(TIME_TO_ANSWER_BIN + Histogram.binOf(hours), 1);
            } else {
                closed.add(REQUESTS_WITHDRAWN, 1);
            }
            cells.add(closed);
        }
        return Contribution.of(cells);
    }

    public static Contribution of(Facts.Insight i) {
        List<Cell> cells = new ArrayList<>();
        if (SHARED_INSIGHT.contains(i.status()) && i.submittedAt() != null) {
            cells.add(insightCell(i, i.submittedAt()).add(INSIGHTS_SUBMITTED, 1));
        }
        boolean validated = "VALIDATED".equals(i.status()) || "ACTIONED".equals(i.status());
        if (validated && i.validatedAt() != null) {
            cells.add(insightCell(i, i.validatedAt()).add(INSIGHTS_VALIDATED, 1));
        }
        if ("ACTIONED".equals(i.status()) && i.actionedAt() != null) {
            cells.add(insightCell(i, i.actionedAt()).add(INSIGHTS_ACTIONED, 1));
        }
        if ("REJECTED".equals(i.status()) && i.rejectedAt() != null) {
            cells.add(insightCell(i, i.rejectedAt()).add(INSIGHTS_REJECTED, 1));
        }
        return Contribution.of(cells);
    }

    public static Contribution of(Facts.InsightSafety s) {
        return Contribution.of(List.of(Cell.on(s.dueDate(), s.mslId(), s.team(), s.kolId(), null)
                .add(SAFETY_MENTIONED, 1).add(SAFETY_DUE, 1).addIf(Boolean.TRUE.equals(s.onTime()), SAFETY_ON_TIME)));
    }

    public static Contribution of(Facts.Share s) {
        String area = s.therapeuticAreas() == null || s.therapeuticAreas().isEmpty() ? null : s.therapeuticAreas().get(0);
        Cell cell = Cell.on(s.localDate(), s.mslId(), s.team(), s.kolId(), area).add(SHARED, 1);
        List<Contact> contacts = s.kolId() == null ? List.of()
                : List.of(new Contact(s.kolId(), s.mslId(), s.localDate(), s.team(), 0, 1));
        return new Contribution(List.of(cell), contacts);
    }

    private static Cell insightCell(Facts.Insight i, Instant at) {
        return Cell.on(localDate(at, i.timeZone()), i.author(), i.team(), i.kolId(), i.therapeuticArea());
    }

    static LocalDate localDate(Instant at, String zone) {
        return at.atZone(ZoneId.of(zone)).toLocalDate();
    }

    static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
