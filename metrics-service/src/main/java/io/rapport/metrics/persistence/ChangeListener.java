package io.rapport.metrics.persistence;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rapport.metrics.domain.Change;
import io.rapport.metrics.domain.ChangeFeed;
import io.rapport.metrics.domain.ChangeNotifier;
import io.rapport.platform.persistence.PgNotifications;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;

/**
 * Every instance LISTENs to the projection's notifications, whichever instance committed them, and hands
 * them to the stream's subscribers; the last thousand are kept so a reconnecting subscriber learns what it
 * missed (Last-Event-ID).
 */
@ApplicationScoped
public class ChangeListener implements ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final int KEPT = 1000;

    private final PgNotifications notifications;
    private final ObjectMapper json;
    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final Deque<Change> recent = new ArrayDeque<>();
    private PgSubscriber subscriber;

    public ChangeListener(PgNotifications notifications, ObjectMapper json) {
        this.notifications = notifications;
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    void start(@Observes StartupEvent start) {
        subscriber = notifications.subscriber();
        subscriber.channel(ChangeNotifier.CHANNEL).handler(this::received);
        subscriber.connect().subscribe().with(ok -> LOG.debug("Listening to metric changes"),
                e -> LOG.warnf("Cannot LISTEN to metric changes yet (%s); retrying", e.getMessage()));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (subscriber != null) {
            subscriber.close().subscribe().with(ok -> {
            }, e -> {
            });
        }
        changes.onComplete();
    }

    @Override
    public Multi<Change> changes() {
        return changes;
    }

    @Override
    public synchronized Missed since(long seq) {
        List<Change> after = recent.stream().filter(c -> c.seq() > seq).toList();
        boolean gap = !recent.isEmpty() && recent.peekFirst().seq() > seq + 1;
        return new Missed(after, gap);
    }

    @Override
    public synchronized long lastSeq() {
        return recent.isEmpty() ? 0 : recent.peekLast().seq();
    }

    /** Also used for the change a rebuild's swap announces on this instance. */
    void received(String payload) {
        Change change;
        try {
            change = json.readValue(payload, Change.class);
        } catch (Exception e) {
            LOG.warnf("Unreadable metric change %s: %s", payload, e.getMessage());
            return;
        }
        synchronized (this) {
            recent.addLast(change);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
        changes.onNext(change);
    }
}
