package io.rapport.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working-day arithmetic for legal deadlines (Drug Safety wants a safety mention within one business day). */
public final class BusinessDays {

    private BusinessDays() {
    }

    /** The business day after {@code date}: Monday to Friday (public holidays are not modelled). */
    public static LocalDate next(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}
