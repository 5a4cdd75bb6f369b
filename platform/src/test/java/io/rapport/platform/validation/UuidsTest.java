package io.rapport.platform.validation;

import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("unit")
class UuidsTest {

    @ParameterizedTest
    @ValueSource(strings = { "3f2b6c1e-9a1d-4c7e-8f7a-2b1d0c9e8a7", "1-1-1-1-1", "3f2b6c1e9a1d4c7e8f7a2b1d0c9e8a70",
            " 3f2b6c1e-9a1d-4c7e-8f7a-2b1d0c9e8a70", "3f2b6c1e-9a1d-4c7e-8f7a-2b1d0c9e8a7g", "" })
    void shouldRefuseWhatIsNotAUuidInItsCanonicalForm(String value) {
        assertThatThrownBy(() -> Uuids.parse(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "3f2b6c1e-9a1d-4c7e-8f7a-2b1d0c9e8a70", "3F2B6C1E-9A1D-4C7E-8F7A-2B1D0C9E8A70" })
    void shouldReadACanonicalUuidInEitherCase(String value) {
        assertThat(Uuids.parse(value)).isEqualTo(UUID.fromString(value));
    }
}
