package io.rapport.platform.validation;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("unit")
class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = { "1234567893", "1245319599", "1679576722", "2000000002" })
    void shouldAcceptKnownGoodNpis(String npi) {
        assertThat(Identifiers.isNpi(npi)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1234567890", "1234567894", "3234567893", "123456789", "12345678931", "12345678a3", "" })
    void shouldRefuseBadNpis(String npi) {
        assertThat(Identifiers.isNpi(npi)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "0000-0002-1825-0097", "0000-0002-1694-233X", "0000-0001-5109-3700" })
    void shouldAcceptKnownGoodOrcids(String orcid) {
        assertThat(Identifiers.isOrcid(orcid)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "0000-0002-1825-0098", "0000-0002-1694-2330", "0000000218250097", "0000-0002-1825-009", "x" })
    void shouldRefuseBadOrcids(String orcid) {
        assertThat(Identifiers.isOrcid(orcid)).isFalse();
    }

    @Property
    void everyGeneratedNpiPasses(@ForAll("npis") String npi) {
        assertThat(Identifiers.isNpi(npi)).isTrue();
    }

    @Property
    void changingAnyOneDigitOfAnNpiFailsItsCheck(@ForAll("npis") String npi, @ForAll @IntRange(min = 1, max = 9) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] digits = npi.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
        assertThat(Identifiers.isNpi(new String(digits))).isFalse();
    }

    @Property
    void everyGeneratedOrcidPasses(@ForAll("orcids") String orcid) {
        assertThat(Identifiers.isOrcid(orcid)).isTrue();
    }

    @Property
    void changingAnyOneDigitOfAnOrcidFailsItsCheck(@ForAll("orcids") String orcid,
            @ForAll @IntRange(min = 0, max = 14) int digit, @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] chars = orcid.toCharArray();
        int position = digit + digit / 4;
        chars[position] = (char) ('0' + (chars[position] - '0' + shift) % 10);
        assertThat(Identifiers.isOrcid(new String(chars))).isFalse();
    }

    @Provide
    Arbitrary<String> npis() {
        return Arbitraries.strings().numeric().ofLength(8).flatMap(rest -> Arbitraries.of('1', '2').map(first -> {
            String nine = first + rest;
            return nine + Identifiers.luhnCheckDigit("80840" + nine);
        }));
    }

    @Provide
    Arbitrary<String> orcids() {
        return Arbitraries.strings().numeric().ofLength(15).map(d -> {
            String all = d + Identifiers.orcidCheckCharacter(d);
            return all.substring(0, 4) + "-" + all.substring(4, 8) + "-" + all.substring(8, 12) + "-" + all.substring(12);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "12345678", "31452800" })
    void shouldAcceptPmids(String pmid) {
        assertThat(Identifiers.isPmid(pmid)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "01234", "123456789", "12a" })
    void shouldRefusePmids(String pmid) {
        assertThat(Identifiers.isPmid(pmid)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.1056/NEJMoa2034577", "10.1000.10/abc(1)", "10.1038/s41586-020-2649-2" })
    void shouldAcceptDois(String doi) {
        assertThat(Identifiers.isDoi(doi)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.1/x", "11.1056/NEJM", "10.1056", "doi:10.1056/x", "10.1056/has space" })
    void shouldRefuseDois(String doi) {
        assertThat(Identifiers.isDoi(doi)).isFalse();
    }

    @Property
    void everyOneDigitChangeOfAKnownOrcidFails(@ForAll @IntRange(min = 0, max = 14) int digit) {
        String known = "0000-0002-1825-0097";
        int position = digit + digit / 4;
        char[] chars = known.toCharArray();
        chars[position] = chars[position] == '9' ? '0' : (char) (chars[position] + 1);
        assertThat(Identifiers.isOrcid(new String(chars))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "NCT04368728", "2020-001234-56", "2023-501234-12-00" })
    void shouldRecogniseTrialRegistryIds(String id) {
        assertThat(Identifiers.isNct(id) || Identifiers.isEudraCt(id) || Identifiers.isCtis(id)).isTrue();
    }
}
