package io.rapport.insight.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.rapport.insight.persistence.InsightRepository;
import io.rapport.insight.persistence.ResourceRepository;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.replica.Directory;
import io.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Plain-Java stand-ins for what the insight services get from Quarkus (directory, repositories, audit trail,
 * outbox; callers come from {@code Caller.of}), so the unit layer drives the real rules without a container, a
 * database or a broker. The directory: team {@code onc} (MSLs ana and ben, managed by mia and by mo, who also
 * writes insights), team {@code cardio} (MSL cy, managed by max).
 */
final class StandIns {

    static final String ANA = "msl-ana";
    static final String BEN = "msl-ben";
    static final String CY = "msl-cy";
    static final String MIA = "mgr-mia";
    static final String MO = "mgr-mo";
    static final String MAX = "mgr-max";

    static final Map<String, Directory.Entry> MSLS = Map.of(
            ANA, new Directory.Entry(ANA, "onc", MIA, "Europe/Berlin"),
            BEN, new Directory.Entry(BEN, "onc", MIA, "Europe/Berlin"),
            CY, new Directory.Entry(CY, "cardio", MAX, "America/New_York"),
            MO, new Directory.Entry(MO, "onc", MIA, "Europe/Berlin"));
    static final Map<String, Set<String>> MANAGED = Map.of(MIA, Set.of("onc"), MO, Set.of("onc"), MAX, Set.of("cardio"));

    /** What the services published and audited. */
    final List<String> published = new ArrayList<>();
    final List<String> audited = new ArrayList<>();
    final Map<UUID, Insight> insights = new HashMap<>();
    final Map<UUID, Resource> resources = new HashMap<>();
    final Set<String> endorsements = new java.util.HashSet<>();

    static Directory directory() {
        return new Directory(null, null, null) {
            @Override
            public Uni<Set<String>> teamsManagedBy(String manager) {
                return Uni.createFrom().item(MANAGED.getOrDefault(manager, Set.of()));
            }

            @Override
            public Uni<Entry> msl(String userId) {
                Entry entry = MSLS.get(userId);
                return entry == null ? Uni.createFrom().failure(DomainException.rule("unknown-msl", userId))
                        : Uni.createFrom().item(entry);
            }
        };
    }

    InsightService insightService(Caller caller) {
        Directory directory = directory();
        InsightRepository repository = new InsightRepository() {
            @Override
            public Uni<Insight> findForUpdate(UUID id) {
                return Uni.createFrom().item(insights.get(id));
            }

            @Override
            public Uni<Boolean> endorse(UUID insight, String msl) {
                return Uni.createFrom().item(endorsements.add(insight + "/" + msl));
            }
        };
        return new InsightService(repository, new InsightAccess(caller, directory), directory, events(), audit(caller),
                caller, null, null, null);
    }

    InsightAccess insightAccess(Caller caller) {
        return new InsightAccess(caller, directory());
    }

    ResourceService resourceService(Caller caller) {
        ResourceRepository repository = new ResourceRepository() {
            @Override
            public Uni<Resource> findForUpdate(UUID id) {
                return Uni.createFrom().item(resources.get(id));
            }

            @Override
            public Uni<Resource> findById(UUID id) {
                return Uni.createFrom().item(resources.get(id));
            }
        };
        return new ResourceService(repository, directory(), events(), audit(caller), caller);
    }

    Insight stored(Insight insight) {
        insights.put(insight.id(), insight);
        return insight;
    }

    Resource stored(Resource resource) {
        resources.put(resource.id(), resource);
        return resource;
    }

    private AuditTrail audit(Caller caller) {
        return new AuditTrail(null, caller) {
            @Override
            public Uni<Void> record(AuditRecord change) {
                audited.add(caller.subject());
                return Uni.createFrom().voidItem();
            }
        };
    }

    private InsightEvents events() {
        return new InsightEvents() {
            @Override
            public Uni<Void> insight(Insight insight, InsightChange change) {
                return publish("insight " + change);
            }

            @Override
            public Uni<Void> resource(Resource resource, ResourceChange change) {
                return publish("resource " + change);
            }

            @Override
            public Uni<Void> shared(Share share, Resource resource) {
                return publish("shared");
            }

            @Override
            public Uni<Void> safetyReportDue(Insight insight) {
                return publish("safety report due");
            }

            @Override
            public Uni<Void> safetyReported(Insight insight) {
                return publish("safety reported");
            }
        };
    }

    private Uni<Void> publish(String event) {
        published.add(event);
        return Uni.createFrom().voidItem();
    }

    /** An insight ana drafted about no particular KOL (so no rights apply), optionally mentioning an adverse event. */
    static InsightDocument document(boolean adverseEvent) {
        return new InsightDocument(null, null, "ONC", null, InsightDocument.Category.UNMET_NEED, "Access to testing",
                "Biomarker testing takes six weeks in rural centres", List.of(new Evidence(Evidence.Type.PMID, "12345678")),
                List.of("biomarker-testing"), InsightDocument.Sentiment.NEGATIVE, adverseEvent);
    }

    static Insight draftBy(String author, boolean adverseEvent, LocalDate safetyReportDue) {
        Directory.Entry entry = MSLS.get(author);
        return Insight.draft(document(adverseEvent), author, entry.team(), entry.timeZone(), safetyReportDue);
    }

    static ResourceDocument resourceDocument(List<String> areas, List<String> tags, ResourceDocument.Usage usage,
            List<String> markets) {
        return new ResourceDocument(ResourceDocument.ResourceType.PUBLICATION, "Five-year survival",
                new Evidence(Evidence.Type.DOI, "10.1000/xyz123"), areas, List.of(), tags, usage, markets);
    }

    /** What a refused call threw. */
    static DomainException refused(Runnable call) {
        try {
            call.run();
        } catch (DomainException refusal) {
            return refusal;
        }
        throw new AssertionError("expected a refusal, but the call was accepted");
    }

}
