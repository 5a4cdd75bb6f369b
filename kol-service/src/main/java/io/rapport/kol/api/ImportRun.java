package io.rapport.kol.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.kol.config.KolConfig;
import io.rapport.kol.domain.ImportResult;
import io.rapport.kol.domain.ImportRow;
import io.rapport.kol.domain.KolImporter;
import io.rapport.platform.api.ProblemException;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.FieldError;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * One import request: bytes in, rows out in batches, a report line per row. The body is never held whole:
 * the request is read as it is consumed, so a slow database slows the upload instead of filling memory.
 */
final class ImportRun {

    private static final Logger LOG = Logger.getLogger(ImportRun.class);
    private static final long PROGRESS_EVERY = 10_000;

    private final ImportParser parser;
    private final KolImporter importer;
    private final ProfileDocuments documents;
    private final ObjectMapper json;
    private final long maxBytes;
    private final int batchSize;
    private final Executor onContext;
    private final MessageDigest digest = sha256();
    private StringBuilder report;
    private final Map<ImportResult.Outcome, Long> counts = new EnumMap<>(ImportResult.Outcome.class);
    private final String label;
    private long bytes;
    private long rows;
    private boolean aborted;
    private boolean tooLarge;

    /**
     * What every import run of the service works with: the domain's importer, the reader of the rows' profiles,
     * the mapper of the report lines and the limits of an import.
     */
    record Shared(KolImporter importer, ProfileDocuments documents, ObjectMapper json, KolConfig.Import limits) {
    }

    /** A run of one request: its parser, on the request's Vert.x context, named by {@code label} in the log. */
    ImportRun(ImportParser parser, Shared shared, Context context, String label) {
        this.parser = parser;
        this.importer = shared.importer();
        this.documents = shared.documents();
        this.json = shared.json();
        this.maxBytes = shared.limits().maxBytes();
        this.batchSize = shared.limits().batchSize();
        this.onContext = command -> context.runOnContext(ignored -> command.run());
        this.label = label;
    }

    /** The report, a line per row, as the rows are written. */
    Multi<ImportResult> results(Multi<Buffer> body) {
        return body.onItem().transformToIterable(this::rows)
                .onCompletion().switchTo(() -> Multi.createFrom().iterable(tooLarge ? List.of() : parser.finish()))
                // Batches by count only, one at a time onto the request's context: a time-based grouping or a
                // deeper emitOn buffer requests the whole upload ahead of the database (it filled the heap).
                .group().intoLists().of(batchSize)
                .emitOn(onContext, 1)
                .onItem().transformToUniAndConcatenate(this::write)
                .onItem().transformToIterable(list -> list)
                .onCompletion().switchTo(this::abortedIfTooLarge)
                .onFailure(this::abortsTheReport)
                .recoverWithItem(this::aborted)
                .onItem().invoke(this::count)
                .onCompletion().invoke(() -> LOG.infof("Import %s done: %d rows, %d bytes, %s", label, rows, bytes, counts));
    }

    /** After the rows read before the size limit: an ABORTED line saying the rest was not read. */
    private Multi<ImportResult> abortedIfTooLarge() {
        if (!tooLarge) {
            return Multi.createFrom().empty();
        }
        return Multi.createFrom().item(aborted(new ProblemException(413, "payload-too-large", "Payload too large",
                "The import is larger than " + maxBytes + " bytes: rows after this line were not read; split the file",
                null)));
    }

    /**
     * A failure ends the report with an ABORTED line, except a refusal before any row (a bad CSV header, the rights
     * as a column): then the request is answered with its problem, as nothing was written.
     */
    private boolean abortsTheReport(Throwable failure) {
        return !(failure instanceof DomainException) || rows > 0;
    }

    /** Reads the body only to hash it (a replayed import must be the same file). */
    Uni<String> hash(Multi<Buffer> body) {
        return body.onItem().invoke(buffer -> digest.update(buffer.getBytes())).collect().last()
                .map(ignored -> hash());
    }

    String hash() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Keeps the report lines for an idempotent replay (only then: a large import's report is megabytes). */
    ImportRun keepingReport() {
        report = new StringBuilder();
        return this;
    }

    String report() {
        return report == null ? "" : report.toString();
    }

    /**
     * The rows this chunk completes. Past the size limit the rest of the body is read and dropped (the client
     * is still sending it), and the report ends with an ABORTED line once the rows before it are written.
     */
    private List<ImportParser.Row> rows(Buffer buffer) {
        byte[] chunk = buffer.getBytes();
        bytes += chunk.length;
        if (tooLarge || bytes > maxBytes) {
            tooLarge = true;
            return List.of();
        }
        digest.update(chunk);
        return parser.push(chunk);
    }

    /** Reads the profiles of a batch of rows and hands them to the domain, a transaction for the batch. */
    private Uni<List<ImportResult>> write(List<ImportParser.Row> parsed) {
        List<ImportRow> batch = parsed.stream().map(documents::row).toList();
        return importer.importBatch(batch)
                .onFailure(KolImporter.ConcurrentClaim.class).recoverWithUni(() -> oneByOne(batch, 0, new ArrayList<>()));
    }

    /** After a concurrent claim spoiled a batch: each row alone, so only the row that clashes is refused. */
    private Uni<List<ImportResult>> oneByOne(List<ImportRow> batch, int index, List<ImportResult> done) {
        if (index == batch.size()) {
            return Uni.createFrom().item(done);
        }
        ImportRow row = batch.get(index);
        return importer.importBatch(List.of(row))
                .onFailure(KolImporter.ConcurrentClaim.class)
                .recoverWithItem(() -> List.of(ImportResult.rejected(row.number(), "identifiers",
                        "an identifier was taken by another KOL meanwhile; send the row again")))
                .chain(results -> {
                    done.addAll(results);
                    return oneByOne(batch, index + 1, done);
                });
    }

    /** Whether every row was processed (only then is the report worth replaying). */
    boolean complete() {
        return !aborted;
    }

    private ImportResult aborted(Throwable failure) {
        aborted = true;
        String why = failure instanceof DomainException p ? p.getMessage()
                : "the import stopped: " + failure + "; rows after this line were not written, send them again";
        LOG.warnf("Import %s aborted after %d rows: %s", label, rows, failure.toString());
        return new ImportResult(rows + 1, ImportResult.Outcome.ABORTED, null, List.of(new FieldError("body", why)));
    }

    private void count(ImportResult result) {
        counts.merge(result.outcome(), 1L, Long::sum);
        if (result.outcome() != ImportResult.Outcome.ABORTED && ++rows % PROGRESS_EVERY == 0) {
            LOG.infof("Import %s: %d rows so far, %s", label, rows, counts);
        }
        if (report == null) {
            return;
        }
        try {
            report.append(json.writeValueAsString(result)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
