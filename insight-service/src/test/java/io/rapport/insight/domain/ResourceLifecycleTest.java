package io.rapport.insight.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.DomainException.Kind;
import io.rapport.platform.domain.ExpectedVersion;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;

import static io.rapport.insight.domain.StandIns.MIA;
import static io.rapport.insight.domain.StandIns.MO;
import static io.rapport.insight.domain.StandIns.refused;
import static io.rapport.insight.domain.StandIns.resourceDocument;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource's life through {@link ResourceService}: DRAFT, APPROVED with its MLR approval id until it expires,
 * or WITHDRAWN; only approved, unexpired content is shareable, and nobody approves what they drafted or edited.
 */
@Tag("unit")
class ResourceLifecycleTest {

    private static final Instant IN_A_YEAR = Instant.now().plus(Duration.ofDays(365));

    private final StandIns world = new StandIns();
    private final ResourceService mia = world.resourceService(Caller.of(MIA, Roles.MEDICAL_MANAGER));
    private final ResourceService mo = world.resourceService(Caller.of(MO, Roles.MEDICAL_MANAGER));

    /** A draft mo wrote. */
    private Resource draft() {
        return world.stored(Resource.draft(resourceDocument(List.of("ONC"), List.of("nsclc"),
                ResourceDocument.Usage.PROACTIVE, List.of("DE")), MO));
    }

    private Resource approve(ResourceService by, Resource resource, String approvalId, Instant approvedAt,
            Instant expiresAt) {
        return by.approve(resource.id(), new ExpectedVersion(resource.version()), approvalId, approvedAt, expiresAt).await()
                .indefinitely();
    }

    private Resource withdraw(ResourceService by, Resource resource, String reason) {
        return by.withdraw(resource.id(), new ExpectedVersion(resource.version()), reason).await().indefinitely();
    }

    @Test
    void shouldApproveADraftWithItsMlrApprovalIdUntilItExpires() {
        Resource resource = draft();
        Instant approvedAt = Instant.now().minus(Duration.ofDays(2));

        approve(mia, resource, "MLR-2026-0042", approvedAt, IN_A_YEAR);

        assertThat(resource.status()).isEqualTo(Resource.Status.APPROVED);
        assertThat(resource.mlrApprovalId()).isEqualTo("MLR-2026-0042");
        assertThat(resource.approvedAt()).isEqualTo(approvedAt);
        assertThat(resource.expiresAt()).isEqualTo(IN_A_YEAR);
        assertThat(resource.version()).isEqualTo(2);
        assertThat(resource.shareable(Instant.now())).isTrue();
        assertThat(world.published).containsExactly("resource APPROVED");
    }

    @Test
    void shouldDateAnApprovalWithoutADateNow() {
        Resource resource = draft();
        Instant before = Instant.now();

        approve(mia, resource, "MLR-1", null, IN_A_YEAR);

        assertThat(resource.approvedAt()).isBetween(before, Instant.now());
    }

    @Test
    void shouldRefuseAnApprovalWithoutAnExpiryInTheFuture() {
        Resource resource = draft();
        Instant now = Instant.now();

        for (Instant[] dates : List.of(new Instant[] { null, null }, new Instant[] { null, now.minusSeconds(60) },
                new Instant[] { now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(10)) },
                new Instant[] { now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(10)) })) {
            DomainException refusal = refused(() -> approve(mia, resource, "MLR-1", dates[0], dates[1]));
            assertThat(refusal.kind()).isEqualTo(Kind.RULE);
            assertThat(refusal.slug()).isEqualTo("expiry-required");
        }
        assertThat(resource.status()).isEqualTo(Resource.Status.DRAFT);
    }

    @Test
    void shouldRefuseApprovalByWhoeverDraftedOrEditedIt() {
        Resource resource = draft();
        resource.edit(resource.document(), MIA);

        for (ResourceService author : List.of(mo, mia)) {
            DomainException refusal = refused(() -> approve(author, resource, "MLR-1", null, IN_A_YEAR));
            assertThat(refusal.kind()).isEqualTo(Kind.FORBIDDEN);
            assertThat(refusal.slug()).isEqualTo(InsightAccess.SELF_APPROVAL);
        }
        assertThat(resource.authors()).containsExactly(MO, MIA);
        assertThat(approve(world.resourceService(Caller.of("root", Roles.ADMIN)), resource, "MLR-1", null, IN_A_YEAR)
                .status()).isEqualTo(Resource.Status.APPROVED);
    }

    @Test
    void shouldCountAnEditorOnceAmongTheAuthors() {
        Resource resource = draft();

        resource.edit(resource.document(), MIA);
        resource.edit(resource.document(), MIA);
        resource.edit(resource.document(), MO);

        assertThat(resource.authors()).containsExactly(MO, MIA);
        assertThat(resource.version()).isEqualTo(4);
    }

    @Test
    void shouldWithdrawApprovedContentWithItsReason() {
        Resource resource = draft();
        approve(mia, resource, "MLR-1", null, IN_A_YEAR);

        withdraw(mo, resource, "Superseded by the 2027 update");

        assertThat(resource.status()).isEqualTo(Resource.Status.WITHDRAWN);
        assertThat(resource.withdrawnReason()).isEqualTo("Superseded by the 2027 update");
        assertThat(resource.mlrApprovalId()).isEqualTo("MLR-1");
        assertThat(resource.shareable(Instant.now())).isFalse();
        assertThat(world.published).containsExactly("resource APPROVED", "resource WITHDRAWN");
    }

    @Test
    void shouldRefuseEveryStepTheStatusDoesNotAllow() {
        Resource approved = draft();
        approve(mia, approved, "MLR-1", null, IN_A_YEAR);
        Resource withdrawn = draft();
        approve(mia, withdrawn, "MLR-2", null, IN_A_YEAR);
        withdraw(mia, withdrawn, "Wrong figure");
        Resource draft = draft();

        List<DomainException> refusals = List.of(
                refused(() -> approve(mia, approved, "MLR-3", null, IN_A_YEAR)),
                refused(() -> approve(mia, withdrawn, "MLR-3", null, IN_A_YEAR)),
                refused(() -> withdraw(mia, draft, "never approved")),
                refused(() -> withdraw(mia, withdrawn, "again")),
                // approved content is withdrawn and replaced, never edited in place
                refused(() -> mia.patch(approved.id(), new ExpectedVersion(approved.version()), null).await().indefinitely()),
                refused(() -> mia.patch(withdrawn.id(), new ExpectedVersion(withdrawn.version()), null).await()
                        .indefinitely()));

        assertThat(refusals).allSatisfy(refusal -> {
            assertThat(refusal.kind()).isEqualTo(Kind.CONFLICT);
            assertThat(refusal.slug()).isEqualTo("invalid-transition");
        });
        assertThat(refusals.get(2).getMessage()).contains("is DRAFT and cannot be withdrawn");
        assertThat(List.of(approved.status(), withdrawn.status(), draft.status()))
                .containsExactly(Resource.Status.APPROVED, Resource.Status.WITHDRAWN, Resource.Status.DRAFT);
    }

    @Test
    void shouldExpireAtItsExpiryDateWithoutChangingStatus() {
        Resource resource = draft();
        Instant expires = Instant.now().plus(Duration.ofDays(30));
        approve(mia, resource, "MLR-1", null, expires);

        assertThat(resource.expired(expires.minusMillis(1))).isFalse();
        assertThat(resource.shareable(expires.minusMillis(1))).isTrue();
        assertThat(resource.expired(expires)).isTrue();
        assertThat(resource.shareable(expires)).isFalse();
        assertThat(resource.shareable(expires.plus(Duration.ofDays(1)))).isFalse();
        assertThat(resource.status()).isEqualTo(Resource.Status.APPROVED);
    }

    @Test
    void shouldNeverShareADraft() {
        Resource resource = draft();

        assertThat(resource.expired(Instant.now())).isFalse();
        assertThat(resource.shareable(Instant.now())).isFalse();
    }

    @Test
    void shouldHideDraftsFromMslsButNotFromCurators() {
        Resource resource = draft();
        ResourceService msl = world.resourceService(Caller.of("msl-ana", Roles.MSL));

        assertThat(refused(() -> msl.get(resource.id()).await().indefinitely()).kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(mia.get(resource.id()).await().indefinitely()).isSameAs(resource);
        assertThat(world.resourceService(Caller.of("root", Roles.ADMIN)).get(resource.id()).await().indefinitely())
                .isSameAs(resource);
        approve(mia, resource, "MLR-1", null, IN_A_YEAR);
        assertThat(msl.get(resource.id()).await().indefinitely()).isSameAs(resource);
    }
}
