package io.rapport.kol.events;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.rapport.kol.config.PrivacyConfig;
import io.rapport.kol.domain.KolPrivacy;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;

/**
 * An erasure cannot be lost: every {@link PrivacyConfig#resendInterval()}, the {@code kol.erased} event of each
 * erasure that a service has not confirmed {@link PrivacyConfig#resendGrace()} after it was last sent goes out
 * again (a new event with the same data). A service that dead-lettered it, or lost it, gets it again until it
 * confirms; the repetitions are logged and counted in {@code GET /kols/{id}/erasure}. Any instance may run it:
 * the rows are locked, so two instances do not send the same erasure at once.
 */
@ApplicationScoped
public class ErasureResender {

    private static final Logger LOG = Logger.getLogger(ErasureResender.class);

    private final KolPrivacy privacy;
    private final PrivacyConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public ErasureResender(KolPrivacy privacy, PrivacyConfig config, Vertx vertx) {
        this.privacy = privacy;
        this.config = config;
        this.vertx = vertx;
    }

    void schedule(@Observes StartupEvent start) {
        // VertxContextSupport refuses to be called on an event loop, where a timer fires: hand over to a worker.
        timer = vertx.setPeriodic(config.resendInterval().toMillis(),
                id -> Infrastructure.getDefaultWorkerPool().execute(this::run));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One run on a fresh (safe) Vert.x context, which Hibernate Reactive needs; skipped while one still runs. */
    void run() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            VertxContextSupport.subscribe(() -> resend().toMulti(), subscribe -> subscribe.with(
                    count -> running.set(false),
                    this::failed, () -> running.set(false)));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(Throwable e) {
        running.set(false);
        LOG.warnf("Unconfirmed erasures not sent again this time (%s); next run in %s", e.toString(),
                config.resendInterval());
    }

    /** Sends the unconfirmed erasures again; how many. */
    public Uni<Integer> resend() {
        return privacy.resendUnconfirmed().invoke(count -> {
            if (count > 0) {
                LOG.infof("Sent %d unconfirmed erasure(s) again", count);
            }
        });
    }
}
