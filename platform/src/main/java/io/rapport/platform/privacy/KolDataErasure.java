package io.rapport.platform.privacy;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * What a service does with its own records of a KOL when kol-service erases the KOL (GDPR Art. 17): each
 * consuming service implements it, and the shared replica consumer calls it in the transaction that replicated
 * {@code kol.erased}.
 */
public interface KolDataErasure {

    Uni<Void> erase(UUID kolId);
}
