package io.rapport.kol.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.kol.persistence.KolRepository;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KOL's status: ACTIVE and INACTIVE are set by users and move both ways; ERASED only by an erasure, and final.
 * Who may read and change a KOL follows the caller's roles and assignments ({@link KolAccess}).
 */
@Tag("unit")
class KolLifecycleTest {

    static KolProfile profile(KolStatus status) {
        return new KolProfile(new PersonName("Dr.", "Jane", "Roe", null), null, "DE", List.of("Oncology"),
                List.of("ONC"), List.of("immunotherapy resistance"), List.of("immunotherapy-resistance"), List.of(),
                List.of(), List.of(), List.of(), new KolIdentifiers("1234567893", null, List.of()), 1,
                Preferences.none(), List.of(), status);
    }

    static Kol kol(KolStatus status) {
        return Kol.create(UUID.randomUUID(), profile(status), "mgr-mia", List.of("msl-ana"));
    }

    private static DomainException refused(Runnable call) {
        try {
            call.run();
        } catch (DomainException refusal) {
            return refusal;
        }
        throw new AssertionError("expected a refusal, but the call was accepted");
    }

    private static KolRightsService rightsService(Kol kol, Caller caller) {
        KolRepository kols = new KolRepository() {
            @Override
            public Uni<Kol> findForUpdate(UUID id) {
                return Uni.createFrom().item(kol.id().equals(id) ? kol : null);
            }
        };
        AuditTrail audit = new AuditTrail(null, caller) {
            @Override
            public Uni<Void> record(AuditRecord change) {
                return Uni.createFrom().voidItem();
            }
        };
        KolEvents events = (KolEvents) java.lang.reflect.Proxy.newProxyInstance(KolEvents.class.getClassLoader(),
                new Class<?>[] { KolEvents.class }, (proxy, method, args) -> Uni.createFrom().voidItem());
        return new KolRightsService(kols, null, new KolAccess(caller), events, audit, caller);
    }

    @Test
    void shouldStartActiveUnlessTheProfileSaysOtherwise() {
        assertThat(Kol.create(UUID.randomUUID(), profile(null), "crm", List.of()).status()).isEqualTo(KolStatus.ACTIVE);
        assertThat(kol(KolStatus.INACTIVE).status()).isEqualTo(KolStatus.INACTIVE);
        assertThat(kol(KolStatus.ACTIVE).version()).isEqualTo(1);
    }

    @Test
    void shouldMoveBetweenActiveAndInactiveWithTheProfile() {
        Kol kol = kol(KolStatus.ACTIVE);

        assertThat(kol.update(profile(KolStatus.INACTIVE), "msl-ana")).isTrue();
        assertThat(kol.status()).isEqualTo(KolStatus.INACTIVE);
        assertThat(kol.update(profile(KolStatus.ACTIVE), "msl-ana")).isTrue();
        assertThat(kol.status()).isEqualTo(KolStatus.ACTIVE);
        assertThat(kol.update(profile(KolStatus.ACTIVE), "msl-ana")).as("the same profile changes nothing").isFalse();
        assertThat(kol.version()).isEqualTo(3);
    }

    @Test
    void shouldRefuseSettingErasedThroughAProfile() {
        KolService service = new KolService(null, null, null, null, null, new KolAccess(Caller.of("mgr-mia",
                Roles.MEDICAL_MANAGER)), null, null, Caller.of("mgr-mia", Roles.MEDICAL_MANAGER));

        DomainException refusal = refused(() -> service.create(profile(KolStatus.ERASED)).await().indefinitely());

        assertThat(refusal.kind()).isEqualTo(DomainException.Kind.INVALID);
        assertThat(refusal.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("status"));
    }

    @Test
    void shouldMakeAnErasureFinal() {
        Kol kol = kol(KolStatus.ACTIVE);
        kol.erase("dpo");
        KolAccess manager = new KolAccess(Caller.of("mgr-mia", Roles.MEDICAL_MANAGER));

        assertThat(kol.status()).isEqualTo(KolStatus.ERASED);
        assertThat(kol.isErased()).isTrue();
        DomainException change = refused(() -> manager.changeable(kol, kol.id()));
        assertThat(change.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(change.slug()).isEqualTo("kol-erased");
        DomainException consent = refused(() -> rightsService(kol, Caller.of("root", Roles.ADMIN)).consent(kol.id(),
                new KolRightsService.ConsentDecision(DataProtection.Purpose.PROFILING,
                        DataProtection.Consent.Status.GRANTED, null, null),
                new KolRightsService.Request("the KOL", null, null)).await().indefinitely());
        assertThat(consent.slug()).isEqualTo("kol-erased");
    }

    @Test
    void shouldAcceptAnObjectionToAnErasedKolAsAlreadyInEffect() {
        Kol kol = kol(KolStatus.ACTIVE);
        kol.erase("dpo");
        long version = kol.version();

        Kol objected = rightsService(kol, Caller.of("root", Roles.ADMIN)).object(kol.id(),
                new KolRightsService.Request("the KOL", null, null)).await().indefinitely();

        assertThat(objected.version()).isEqualTo(version);
        assertThat(objected.contactability().contactable()).isFalse();
    }

    @Test
    void shouldFileARightsRequestOnceAndRefuseOneReceivedInTheFuture() {
        Kol kol = kol(KolStatus.ACTIVE);
        KolRightsService service = rightsService(kol, Caller.of("root", Roles.ADMIN));
        Instant received = Instant.parse("2026-03-01T09:00:00Z");

        service.object(kol.id(), new KolRightsService.Request("the KOL", received, "by letter")).await().indefinitely();
        service.object(kol.id(), new KolRightsService.Request("the KOL", Instant.now(), "again")).await().indefinitely();
        DomainException future = refused(() -> service.doNotContact(kol.id(), "asked", new KolRightsService.Request(
                "the KOL", Instant.now().plusSeconds(3600), null)).await().indefinitely());

        assertThat(kol.rights().dataProtection().objectedAt()).isEqualTo(received);
        assertThat(kol.version()).isEqualTo(2);
        assertThat(future.kind()).isEqualTo(DomainException.Kind.INVALID);
        assertThat(kol.rights().doNotContact().active()).isFalse();
    }

    @Test
    void shouldLetAnMslReadAnyLiveKolButChangeOnlyTheirOwn() {
        Kol anas = kol(KolStatus.ACTIVE);
        KolAccess ana = new KolAccess(Caller.of("msl-ana", Roles.MSL));
        KolAccess ben = new KolAccess(Caller.of("msl-ben", Roles.MSL));

        assertThat(ben.readable(anas, anas.id())).isSameAs(anas);
        assertThat(ana.changeable(anas, anas.id())).isSameAs(anas);
        assertThat(refused(() -> ben.changeable(anas, anas.id())).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(refused(() -> ben.rightsRequestable(anas, anas.id(), List.of())).kind())
                .isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(ana.rightsRequestable(anas, anas.id(), List.of())).isSameAs(anas);
        assertThat(ana.createsAsMsl()).isTrue();
    }

    @Test
    void shouldHideAnErasedKolFromMslsOnly() {
        Kol kol = kol(KolStatus.ACTIVE);
        kol.erase("dpo");

        assertThat(refused(() -> new KolAccess(Caller.of("msl-ana", Roles.MSL)).readable(kol, kol.id())).kind())
                .isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(new KolAccess(Caller.of("mgr-mia", Roles.MEDICAL_MANAGER)).readable(kol, kol.id())).isSameAs(kol);
        assertThat(refused(() -> new KolAccess(Caller.of("x", Roles.MSL)).readable(null, UUID.randomUUID())).kind())
                .isEqualTo(DomainException.Kind.NOT_FOUND);
    }

    @Test
    void shouldLetOnlyTheManagerOfAnAssignedMslFileItsKolsRightsRequests() {
        Kol kol = kol(KolStatus.ACTIVE);
        List<Msl> assigned = List.of(new Msl("msl-ana", new MslEntry("Ana", "onc", "mgr-mia", List.of("DE"),
                List.of("ONC"), "Europe/Berlin")));

        assertThat(new KolAccess(Caller.of("mgr-mia", Roles.MEDICAL_MANAGER)).rightsRequestable(kol, kol.id(), assigned))
                .isSameAs(kol);
        assertThat(refused(() -> new KolAccess(Caller.of("mgr-max", Roles.MEDICAL_MANAGER)).rightsRequestable(kol, kol.id(),
                assigned)).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(new KolAccess(Caller.of("crm", Roles.INTEGRATION)).rightsRequestable(kol, kol.id(), List.of()))
                .isSameAs(kol);
        assertThat(new KolAccess(Caller.of("mgr-mia", Roles.MEDICAL_MANAGER)).rightsNeedDirectory()).isTrue();
        assertThat(new KolAccess(Caller.of("root", Roles.ADMIN, Roles.MEDICAL_MANAGER)).rightsNeedDirectory()).isFalse();
    }
}
