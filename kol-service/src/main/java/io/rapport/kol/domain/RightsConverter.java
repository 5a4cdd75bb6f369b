package io.rapport.kol.domain;

import com.fasterxml.jackson.core.type.TypeReference;

import io.rapport.platform.persistence.JsonConverter;

/** The rights column: the KOL's data-protection state as JSON, apart from the profile. */
class RightsConverter extends JsonConverter<KolRights> {

    RightsConverter() {
        super(new TypeReference<KolRights>() {
        });
    }
}
