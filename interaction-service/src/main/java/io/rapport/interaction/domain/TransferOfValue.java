package io.rapport.interaction.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.rapport.platform.validation.Identifier;

/**
 * A meal, honorarium or travel paid for the KOL: reported under US Open Payments and the EFPIA code. Advisory
 * boards need the contract reference.
 */
public record TransferOfValue(
        @NotNull Kind kind,
        @NotNull @DecimalMin(value = "0.01") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal amount,
        @NotNull @Identifier(Identifier.Kind.CURRENCY) String currency,
        @Size(max = 100) String contractReference) {

    public enum Kind {
        MEAL,
        HONORARIUM,
        TRAVEL
    }

    /** After the KOL's erasure: kind, amount and currency still count; the typed reference goes. */
    public TransferOfValue erased() {
        return new TransferOfValue(kind, amount, currency, contractReference == null ? null : Interaction.ERASED);
    }
}
