package io.rapport.metrics.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.metrics.domain.Granularity;
import io.rapport.metrics.domain.MetricsService;
import io.rapport.metrics.domain.Period;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/metrics")
@Tag(name = "Metrics", description = "Value metrics from the event streams (definitions: docs/metrics.md). Every "
        + "endpoint also answers Accept: text/csv.")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
@RolesAllowed({ Roles.REPORTING, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.MSL })
public class MetricsResource {

    private final MetricsService metrics;
    private final CsvWriter csv;

    public MetricsResource(MetricsService metrics, CsvWriter csv) {
        this.metrics = metrics;
        this.csv = csv;
    }

    @GET
    @Path("summary")
    @Operation(summary = "Headline value metrics of a period", description = "from/to: local dates, both included "
            + "(default: the last 30 days). Reporting and admins: any team and area; medical managers: the teams they "
            + "manage; an MSL: their own numbers.")
    public Uni<MetricsService.PeriodMetrics> summary(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("team") String team, @QueryParam("therapeuticArea") String therapeuticArea) {
        return metrics.summary(team, therapeuticArea, Period.of(from, to));
    }

    @GET
    @Path("msls/{id}")
    @Operation(summary = "An MSL's time series", description = "granularity: day, week (ISO, from Monday), month or "
            + "quarter (default week). An MSL reads their own; a manager those of the teams they manage.")
    public Uni<MetricsService.Series> msl(@PathParam("id") String id, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("granularity") Granularity granularity) {
        return metrics.msl(id, Period.of(from, to), orWeek(granularity));
    }

    @GET
    @Path("teams/{team}")
    @Operation(summary = "A team's time series")
    public Uni<MetricsService.Series> team(@PathParam("team") String team, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("granularity") Granularity granularity) {
        return metrics.team(team, Period.of(from, to), orWeek(granularity));
    }

    @GET
    @Path("kols/{id}")
    @Operation(summary = "A KOL's time series and relationship health", description = "An MSL reads the KOLs "
            + "assigned to them.")
    public Uni<MetricsService.KolMetrics> kol(@PathParam("id") UUID id, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("granularity") Granularity granularity) {
        return metrics.kol(id, Period.of(from, to), orWeek(granularity));
    }

    @GET
    @Path("therapeutic-areas/{code}")
    @Operation(summary = "A therapeutic area's time series", description = "Managers see their teams' share of it.")
    public Uni<MetricsService.Series> area(@PathParam("code") String code, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("granularity") Granularity granularity) {
        return metrics.area(code, Period.of(from, to), orWeek(granularity));
    }

    @GET
    @Path("coverage")
    @Operation(summary = "Share of tier 1-2 KOLs and of assigned KOLs met in the period")
    public Uni<MetricsService.Coverage> coverage(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("team") String team, @QueryParam("therapeuticArea") String therapeuticArea) {
        return metrics.coverage(team, therapeuticArea, Period.of(from, to));
    }

    @GET
    @Path("kols/health")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "KOLs by relationship health, lowest first", description = "Where to act next. Reporting "
            + "and admins: every active KOL (or those assigned to a team's MSLs); managers: KOLs assigned to their "
            + "teams' MSLs; an MSL: their assigned KOLs. Cursor paging.")
    public Uni<Page<MetricsService.KolHealth>> health(@QueryParam("team") String team, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return metrics.health(team, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("kols/health")
    @Produces(CsvWriter.TEXT_CSV)
    @Operation(summary = "KOLs by relationship health, lowest first, as CSV", description = "Every KOL in scope, "
            + "streamed page by page.")
    public Multi<String> healthCsv(@QueryParam("team") String team) {
        // Access first: once the header line is out the status is 200, and a refusal could only cut the body short.
        return Multi.createFrom().uni(metrics.mayReadHealth(team)).onItem().transformToMultiAndConcatenate(
                allowed -> csv.pages(cursor -> metrics.health(team, PageRequest.of(PageRequest.MAX_LIMIT, cursor)),
                        MetricsService.KolHealth.class));
    }

    private static Granularity orWeek(Granularity granularity) {
        return granularity == null ? Granularity.WEEK : granularity;
    }
}
