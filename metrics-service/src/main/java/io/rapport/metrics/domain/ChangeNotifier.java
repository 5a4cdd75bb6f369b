package io.rapport.metrics.domain;

import io.smallrye.mutiny.Uni;

/** Tells every instance, at commit, which numbers changed; and keeps the swap of a rebuild out of the way. */
public interface ChangeNotifier {

    /** The channel every instance LISTENs to. */
    String CHANNEL = "rapport_metrics";

    Uni<Void> notify(Delta.Changed changed);

    /** Taken shared by each live projection transaction; a rebuild's swap takes it exclusively. */
    Uni<Void> holdSwap();
}
