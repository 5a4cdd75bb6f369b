package io.rapport.kol.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.kol.config.KolConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a GDPR erasure leaves of a KOL: the non-personal aggregates and the uncontactable states, no personal data;
 * and the keyed hashes that recognise an erased KOL's identifiers without keeping them.
 */
@Tag("unit")
class KolErasureTest {

    private static KolProfile full() {
        return new KolProfile(new PersonName("Dr.", "Jane", "Roe", "PhD"),
                new Contact("jane.roe@example.org", "+49 30 1234567", null), "DE", List.of("Oncology"),
                List.of("ONC", "HEM"), List.of("immunotherapy resistance"), List.of("immunotherapy-resistance"),
                List.of("NSCLC registry"), List.of(new Affiliation("Charité", "Head", "DE", LocalDate.of(2015, 1, 1), null)),
                List.of(new Publication("12345678", null, "Resistance to PD-1", "Lancet", 2024)), List.of(),
                new KolIdentifiers("1234567893", "0000-0002-1825-0097", List.of(new KolIdentifiers.External("veeva",
                        "0011x000003DGb2"))),
                2,
                new Preferences(Set.of(Channel.values()[0]), 45, 4, "prefers mornings, mentions her children"),
                List.of(new ConflictOfInterest("Acme Pharma", ConflictOfInterest.Kind.values()[0], null, null)),
                KolStatus.ACTIVE);
    }

    private static ErasureHash hash(String key) {
        return new ErasureHash(new KolConfig() {
            @Override
            public String erasureHashKey() {
                return key;
            }

            @Override
            public Import imports() {
                return null;
            }
        });
    }

    @Test
    void shouldKeepOnlyTheNonPersonalAggregatesOfAnErasedProfile() {
        KolProfile erased = full().erased();

        assertThat(erased.name()).isEqualTo(new PersonName(null, null, "[erased]", null));
        assertThat(erased.contact()).isNull();
        assertThat(erased.identifiers()).isEqualTo(KolIdentifiers.none());
        assertThat(List.of(erased.specialties(), erased.researchInterests(), erased.researchTopics(),
                erased.currentProjects(), erased.affiliations(), erased.publications(), erased.clinicalTrials(),
                erased.conflictsOfInterest())).allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(erased.preferences().notes()).isNull();
        assertThat(erased.status()).isEqualTo(KolStatus.ERASED);
        // what metrics rest on stays
        assertThat(erased.country()).isEqualTo("DE");
        assertThat(erased.tier()).isEqualTo(2);
        assertThat(erased.therapeuticAreas()).containsExactly("ONC", "HEM");
        assertThat(erased.preferences().meetingLengthMinutes()).isEqualTo(45);
        assertThat(erased.preferences().maxContactsPerQuarter()).isEqualTo(4);
        assertThat(erased.preferences().channels()).isEqualTo(full().preferences().channels());
        assertThat(erased.searchNames()).isEqualTo("[erased]");
        assertThat(erased.searchTerms()).isEmpty();
    }

    @Test
    void shouldLeaveAnErasedKolWithoutAssignmentsOrIdentifierClaims() {
        Kol kol = Kol.create(UUID.randomUUID(), full(), "mgr-mia", List.of("msl-ana"));
        assertThat(kol.identifierClaims()).extracting(c -> c[0]).containsExactly("EXTERNAL:veeva", "NPI", "ORCID");

        kol.erase("dpo");

        assertThat(kol.assignedMsls()).isEmpty();
        assertThat(kol.identifierClaims()).isEmpty();
        assertThat(kol.isAssigned("msl-ana")).isFalse();
    }

    @Test
    void shouldHashAnIdentifierWithTheSecretKeyAsHmacSha256() {
        // echo -n "NPI:1234567893" | openssl dgst -sha256 -hmac "test-erasure-key"
        assertThat(hash("test-erasure-key").of(List.<String[]> of(new String[] { "NPI", "1234567893" })))
                .containsExactly("9e019226ed28adae88326b5a20a335a054e6a08c23e5518f203cd553aef45f7b");
    }

    @Test
    void shouldRecogniseTheSameIdentifierButNoOtherKindKeyOrValue() {
        ErasureHash hash = hash("k1");
        String npi = hash.of(List.<String[]> of(new String[] { "NPI", "1234567893" })).get(0);

        assertThat(hash.of(List.<String[]> of(new String[] { "NPI", "1234567893" }))).containsExactly(npi);
        assertThat(hash.of(List.<String[]> of(new String[] { "ORCID", "1234567893" }))).doesNotContain(npi);
        assertThat(hash.of(List.<String[]> of(new String[] { "NPI", "1234567894" }))).doesNotContain(npi);
        assertThat(hash("k2").of(List.<String[]> of(new String[] { "NPI", "1234567893" }))).doesNotContain(npi);
        assertThat(npi).doesNotContain("1234567893").hasSize(64);
    }

    @Test
    void shouldHashEveryClaimOfAProfileInOrder() {
        ErasureHash hash = hash("k1");
        List<String[]> claims = Kol.claimsOf(full());

        List<String> hashes = hash.of(claims);

        assertThat(hashes).hasSize(3).doesNotHaveDuplicates();
        assertThat(hashes.get(1)).isEqualTo(hash.of(List.<String[]> of(new String[] { "NPI", "1234567893" })).get(0));
    }
}
