package io.rapport.metrics.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.metrics.domain.ChangeNotifier;
import io.rapport.metrics.domain.RebuildState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rebuild's state (one row, shared by every instance) and its schema operations: a fresh shadow schema,
 * and the swap, which runs inside a transaction holding the lock every live projection transaction shares.
 */
@ApplicationScoped
public class RebuildStore {

    /** A RUNNING rebuild without news for this long died with its instance; another may start. */
    private static final String STALE = "interval '2 minutes'";

    private final Pool pool;

    public RebuildStore(Pool pool) {
        this.pool = pool;
    }

    /** Claims the rebuild; false when one is running (and alive). */
    public Uni<Boolean> claim(String requestedBy) {
        return pool.preparedQuery("INSERT INTO rebuild (id, state, requested_by, started_at, updated_at, applied) "
                + "VALUES (1, 'RUNNING', $1, now(), now(), 0) ON CONFLICT (id) DO UPDATE SET state = 'RUNNING', "
                + "requested_by = excluded.requested_by, started_at = now(), updated_at = now(), finished_at = NULL, "
                + "applied = 0, detail = NULL WHERE rebuild.state NOT IN ('RUNNING', 'SWAPPING') OR rebuild.updated_at < now() - "
                + STALE).execute(Tuple.of(requestedBy)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> progress(String state, long applied, String detail) {
        return pool.preparedQuery("UPDATE rebuild SET state = $1, applied = $2, detail = $3, updated_at = now() WHERE id = 1")
                .execute(Tuple.of(state, applied, detail)).replaceWithVoid();
    }

    public Uni<Void> finish(String state, long applied, String detail) {
        return pool.preparedQuery("UPDATE rebuild SET state = $1, applied = $2, detail = $3, updated_at = now(), "
                + "finished_at = now() WHERE id = 1").execute(Tuple.of(state, applied, detail)).replaceWithVoid();
    }

    public Uni<RebuildState> state() {
        return pool.query("SELECT state, requested_by, started_at, updated_at, finished_at, applied, detail FROM rebuild")
                .execute().map(rows -> {
                    if (rows.size() == 0) {
                        return RebuildState.NEVER;
                    }
                    Row r = rows.iterator().next();
                    return new RebuildState(r.getString(0), r.getString(1), instant(r.getOffsetDateTime(2)),
                            instant(r.getOffsetDateTime(3)), instant(r.getOffsetDateTime(4)), r.getLong(5), r.getString(6));
                });
    }

    /** An empty shadow schema, created by the same function as the live one. */
    public Uni<Void> createShadow() {
        return pool.withTransaction(conn -> conn.query("DROP SCHEMA IF EXISTS " + Schemas.REBUILD + " CASCADE").execute()
                .chain(() -> conn.query("SELECT public.create_metrics_tables('" + Schemas.REBUILD + "')").execute()))
                .replaceWithVoid();
    }

    public Uni<Void> dropShadow() {
        return pool.query("DROP SCHEMA IF EXISTS " + Schemas.REBUILD + " CASCADE").execute().replaceWithVoid();
    }

    /**
     * The swap's transaction, holding the lock live projection transactions share: opened by {@link #lockLive()},
     * ended by {@link #swap(LiveLock)} (committed) and then {@link #release(LiveLock)}.
     */
    public static final class LiveLock {

        private final SqlConnection conn;

        private LiveLock(SqlConnection conn) {
            this.conn = conn;
        }
    }

    /** Opens the swap: a transaction that waits for live projection transactions and keeps new ones waiting. */
    public Uni<LiveLock> lockLive() {
        return pool.getConnection().call(conn -> conn.query("BEGIN").execute()
                .chain(() -> conn.query("SELECT pg_advisory_xact_lock(" + PgChangeNotifier.SWAP_LOCK + ")").execute())
                .onFailure().call(conn::close))
                .map(LiveLock::new);
    }

    /** Where the live tables have read each partition (topic → partition → next offset). */
    public Uni<Map<String, Map<Integer, Long>>> livePositions(LiveLock lock) {
        return lock.conn.query("SELECT topic, partition, next_offset FROM " + Schemas.LIVE + ".consumer_position").execute()
                .map(rows -> {
                    Map<String, Map<Integer, Long>> positions = new HashMap<>();
                    rows.forEach(r -> positions.computeIfAbsent(r.getString(0), t -> new HashMap<>())
                            .put(r.getInteger(1), r.getLong(2)));
                    return positions;
                });
    }

    /** The shadow becomes the live schema in one transaction; every instance hears that everything changed. */
    public Uni<Void> swap(LiveLock lock) {
        SqlConnection conn = lock.conn;
        return conn.query("ALTER SCHEMA " + Schemas.LIVE + " RENAME TO metrics_retired").execute()
                .chain(() -> conn.query("ALTER SCHEMA " + Schemas.REBUILD + " RENAME TO " + Schemas.LIVE).execute())
                .chain(() -> conn.query("DROP SCHEMA metrics_retired CASCADE").execute())
                .chain(() -> conn.query("SELECT pg_notify('" + ChangeNotifier.CHANNEL + "', json_build_object('seq', "
                        + "nextval('public.metrics_change_seq'), 'all', true)::text)").execute())
                .chain(() -> conn.query("COMMIT").execute())
                .replaceWithVoid();
    }

    /** Ends the swap's transaction (a rollback when the swap did not commit) and gives the connection back. */
    public Uni<Void> release(LiveLock lock) {
        return lock.conn.query("ROLLBACK").execute()
                .onFailure().recoverWithNull()
                .replaceWithVoid()
                .eventually(lock.conn::close);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
