package io.rapport.kol.domain;

import com.fasterxml.jackson.core.type.TypeReference;

import io.rapport.platform.persistence.JsonConverter;

/** The profile column: the whole editable document as JSON. */
class ProfileConverter extends JsonConverter<KolProfile> {

    ProfileConverter() {
        super(new TypeReference<KolProfile>() {
        });
    }
}
