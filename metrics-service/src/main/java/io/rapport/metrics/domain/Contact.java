package io.rapport.metrics.domain;

import java.time.LocalDate;
import java.util.UUID;

/** An MSL reached a KOL on a local day: in a completed interaction ({@code met}) or with content. */
public record Contact(UUID kol, String msl, LocalDate day, String team, int met, int content) {
}
