package io.rapport.kol.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.kol.config.KolConfig;
import io.rapport.kol.domain.ImportResult;
import io.rapport.kol.domain.KolImporter;
import io.rapport.platform.api.IdempotencyKeys;
import io.rapport.platform.api.ProblemException;
import io.rapport.platform.api.StreamedBody;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1/kols/import")
@Tag(name = "KOLs")
public class KolImportResource {

    private final KolConfig config;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;
    private final ImportRun.Shared runs;

    public KolImportResource(KolImporter importer, ProfileDocuments documents, KolConfig config,
            IdempotencyKeys idempotency, ObjectMapper json) {
        this.config = config;
        this.idempotency = idempotency;
        this.json = json;
        this.runs = new ImportRun.Shared(importer, documents, json, config.imports());
    }

    @POST
    @StreamedBody
    @Consumes({ ImportParser.NDJSON, ImportParser.CSV })
    @Produces("application/x-ndjson")
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INTEGRATION, Roles.ADMIN })
    @Operation(summary = "Bulk import KOLs (NDJSON or CSV)", description = "Each row is an upsert: matched by "
            + "external id, else NPI, else ORCID, else created. Valid rows go in even when others are rejected. The "
            + "body is read as a stream (up to 256 MiB, each row up to 256 KiB: a longer row is REJECTED and the import "
            + "goes on) and the answer is streamed too: one NDJSON line per row "
            + "(row number, CREATED / UPDATED / UNCHANGED / REJECTED, KOL id, errors). A retry with the same "
            + "Idempotency-Key and the same file replays the first report; with another file it is a 422. "
            + "CSV columns: externalSystem, externalId, npi, orcid, prefix, given, family, suffix, email, phone, "
            + "country, tier, specialties, therapeuticAreas, researchInterests, researchTopics, currentProjects, channels, "
            + "meetingLengthMinutes, maxContactsPerQuarter, status (lists separated by ';'). A row cannot carry the "
            + "KOL's rights (dataProtection, doNotContact; a lawfulBasis column is 400): the rights endpoints change "
            + "them, and an import leaves them as they are.")
    @RequestBody(description = "NDJSON: one KOL profile document (as in POST /kols) per line; CSV: a header row and "
            + "one KOL per row")
    @APIResponse(responseCode = "200", description = "The per-row report, streamed as NDJSON")
    public Multi<ImportResult> importKols(@HeaderParam("Content-Type") String contentType,
            @HeaderParam(IdempotencyKeys.HEADER) String key, @Context HttpServerRequest request) {
        long max = config.imports().maxBytes();
        long contentLength = declaredLength(request);
        if (contentLength > max) {
            throw new ProblemException(413, "payload-too-large", "Payload too large", "The import has " + contentLength
                    + " bytes; at most " + max + " are accepted per request", null);
        }
        ImportRun run = new ImportRun(ImportParser.of(contentType, json, config.imports().maxRowBytes()), runs,
                Vertx.currentContext(), UUID.randomUUID().toString().substring(0, 8));
        var body = io.vertx.mutiny.core.http.HttpServerRequest.newInstance(request).toMulti();
        if (key == null) {
            return run.results(body);
        }
        IdempotencyKeys.StreamedKey idempotent = idempotency.forStream(key);
        return Multi.createFrom().uni(idempotent.previous().map(Optional::ofNullable))
                .onItem().transformToMultiAndConcatenate(previous -> previous.isPresent()
                        ? replay(run, body, previous.get())
                        : remembered(run, body, idempotent));
    }

    /** The first import with this key: its report is kept for a replay, once every row was processed. */
    private static Multi<ImportResult> remembered(ImportRun run, Multi<io.vertx.mutiny.core.buffer.Buffer> body,
            IdempotencyKeys.StreamedKey idempotent) {
        return run.keepingReport().results(body)
                .onCompletion().call(() -> run.complete()
                        ? idempotent.remember(run.hash(), 200, run.report())
                        : Uni.createFrom().voidItem());
    }

    private static long declaredLength(HttpServerRequest request) {
        try {
            String length = request.getHeader("Content-Length");
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The first report again, if this is the same file; 422 if the key was used for another one. */
    private Multi<ImportResult> replay(ImportRun run, Multi<io.vertx.mutiny.core.buffer.Buffer> body,
            IdempotencyKeys.Stored previous) {
        return run.hash(body).onItem().transformToMulti(hash -> {
            if (!hash.equals(previous.requestHash())) {
                throw DomainException.rule("idempotency-key-reused", "This Idempotency-Key was already used for "
                        + "another file; use a new key for a new import");
            }
            return Multi.createFrom().iterable(Arrays.stream(previous.body().split("\n")).filter(l -> !l.isBlank())
                    .map(this::read).toList());
        });
    }

    private ImportResult read(String line) {
        try {
            return json.readValue(line, ImportResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored import report", e);
        }
    }
}
