package io.rapport.metrics.domain;

import java.util.Locale;

/** The names of the counters in the roll-ups (docs/metrics.md defines each). */
public final class Counters {

    public static final String PLANNED = "interactions.planned";
    public static final String COMPLETED = "interactions.completed";
    public static final String COMPLETED_BY_CHANNEL = "interactions.completed.channel.";
    public static final String COMPLETED_FROM_PLAN = "interactions.completed-from-plan";
    public static final String CANCELLED = "interactions.cancelled";
    public static final String NO_SHOW = "interactions.no-show";
    public static final String CAP_OVERRIDDEN = "interactions.cap-overridden";
    public static final String OFF_PREFERENCE_CHANNEL = "interactions.off-preference-channel";
    public static final String OVER_PREFERRED_DURATION = "interactions.over-preferred-duration";
    public static final String MINUTES = "interactions.minutes";
    public static final String FEEDBACK_SUM = "feedback.sum";
    public static final String FEEDBACK_COUNT = "feedback.count";
    public static final String TRANSFERS = "transfers-of-value.";
    public static final String SAFETY_MENTIONED = "safety.mentioned";
    public static final String SAFETY_DUE = "safety.reports-due";
    public static final String SAFETY_ON_TIME = "safety.reports-on-time";
    public static final String FOLLOW_UPS_DUE = "follow-ups.due";
    public static final String FOLLOW_UPS_DONE = "follow-ups.done";
    public static final String FOLLOW_UPS_ON_TIME = "follow-ups.done-on-time";
    public static final String FOLLOW_UPS_DROPPED = "follow-ups.dropped";
    public static final String REQUESTS_RECEIVED = "medical-requests.received";
    public static final String REQUESTS_OFF_LABEL = "medical-requests.off-label";
    public static final String REQUESTS_FLAGGED = "medical-requests.flagged";
    public static final String REQUESTS_ANSWERED = "medical-requests.answered";
    public static final String REQUESTS_ON_TIME = "medical-requests.answered-on-time";
    public static final String REQUESTS_WITHDRAWN = "medical-requests.withdrawn";
    public static final String TIME_TO_ANSWER_BIN = "medical-requests.time-to-answer.bin.";
    public static final String INSIGHTS_SUBMITTED = "insights.submitted";
    public static final String INSIGHTS_VALIDATED = "insights.validated";
    public static final String INSIGHTS_ACTIONED = "insights.actioned";
    public static final String INSIGHTS_REJECTED = "insights.rejected";
    public static final String SHARED = "resources.shared";

    private Counters() {
    }

    public static String completedOn(String channel) {
        return COMPLETED_BY_CHANNEL + channel;
    }

    public static String transferCount(String kind) {
        return TRANSFERS + kind + ".count";
    }

    /** Amounts add up per kind and currency, in cents (a currency's hundredth). */
    public static String transferCents(String kind, String currency) {
        return TRANSFERS + kind + "." + currency.toUpperCase(Locale.ROOT) + ".cents";
    }
}
