package io.rapport.metrics.persistence;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.metrics.domain.ChangeNotifier;
import io.rapport.metrics.domain.Delta;
import io.smallrye.mutiny.Uni;

/**
 * The notification sent by each live projection transaction (PostgreSQL delivers it at commit, to every
 * instance that LISTENs), numbered from a sequence so a stream subscriber can say what it last saw.
 */
@ApplicationScoped
public class PgChangeNotifier implements ChangeNotifier {

    /** The advisory lock a rebuild's swap takes exclusively ("metr"). */
    public static final long SWAP_LOCK = 0x6D657472L;
    /** PostgreSQL's payload limit is 8000 bytes; beyond this a notification says "everything changed". */
    private static final int MAX_PAYLOAD = 7000;

    private final ObjectMapper json;

    public PgChangeNotifier(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Uni<Void> notify(Delta.Changed changed) {
        return Sql
                .column("SELECT CAST(pg_notify('" + CHANNEL + "', CAST(jsonb_set(CAST(CAST(:keys AS text) AS jsonb), '{seq}', "
                        + "to_jsonb(nextval('public.metrics_change_seq'))) AS text)) AS text)",
                        Map.of("keys", payload(changed)), String.class)
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> holdSwap() {
        return Sql.column("SELECT CAST(pg_advisory_xact_lock_shared(" + SWAP_LOCK + ") AS text)", Map.of(), String.class)
                .replaceWithVoid();
    }

    String payload(Delta.Changed changed) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("all", changed.everything);
        keys.put("msls", changed.msls);
        keys.put("teams", changed.teams);
        keys.put("kols", changed.kols);
        keys.put("areas", changed.areas);
        try {
            String text = json.writeValueAsString(keys);
            return text.length() <= MAX_PAYLOAD ? text : "{\"all\": true}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
