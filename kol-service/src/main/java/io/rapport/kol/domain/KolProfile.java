package io.rapport.kol.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rapport.platform.validation.Identifier;

/**
 * Everything a user or a CRM edits about a KOL: what an MSL reads before every meeting. It is the body of
 * create, upsert and import, and the document a merge patch applies to. Absent lists are empty and absent
 * sections take their defaults, so two equal profiles are equal whatever the client left out. The KOL's
 * data-protection rights are not part of it ({@link KolRights}): replacing a profile cannot touch them.
 * What the KOL works on is said twice: {@code researchInterests} in the user's words (searched and shown, never
 * published) and {@code researchTopics}, codes of the research-topic vocabulary (what events carry and
 * recommendations match).
 */
public record KolProfile(
        @NotNull @Valid PersonName name,
        @Valid Contact contact,
        @Identifier(Identifier.Kind.COUNTRY) String country,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> specialties,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "a therapeutic area code") String> therapeuticAreas,
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> researchInterests,
        @Size(max = 30) List<@NotNull @Pattern(regexp = ResearchTopic.CODE, message = "a research topic code") String> researchTopics,
        @Size(max = 30) List<@NotBlank @Size(max = 300) String> currentProjects,
        @Size(max = 30) List<@NotNull @Valid Affiliation> affiliations,
        @Size(max = 500) List<@NotNull @Valid Publication> publications,
        @Size(max = 200) List<@NotNull @Valid ClinicalTrial> clinicalTrials,
        @Valid KolIdentifiers identifiers,
        @Min(1) @Max(4) Integer tier,
        @Valid Preferences preferences,
        @Size(max = 50) List<@NotNull @Valid ConflictOfInterest> conflictsOfInterest,
        KolStatus status) {

    public KolProfile {
        specialties = list(specialties);
        therapeuticAreas = list(therapeuticAreas);
        researchInterests = list(researchInterests);
        researchTopics = list(researchTopics);
        currentProjects = list(currentProjects);
        affiliations = list(affiliations);
        publications = list(publications);
        clinicalTrials = list(clinicalTrials);
        identifiers = identifiers == null ? KolIdentifiers.none() : identifiers;
        preferences = preferences == null ? Preferences.none() : preferences;
        conflictsOfInterest = list(conflictsOfInterest);
        status = status == null ? KolStatus.ACTIVE : status;
    }

    /** Names, for the heaviest weight of full-text search. */
    public String searchNames() {
        return Stream.of(name.prefix(), name.given(), name.family(), name.suffix())
                .filter(s -> s != null && !s.isBlank()).reduce((a, b) -> a + " " + b).orElse("");
    }

    /** Specialties, interests, projects and publication titles, for full-text search. */
    public String searchTerms() {
        List<String> terms = new ArrayList<>(specialties);
        terms.addAll(researchInterests);
        terms.addAll(currentProjects);
        publications.forEach(p -> terms.add(p.title()));
        return String.join(" \n", terms);
    }

    public KolProfile withIdentifiers(KolIdentifiers ids) {
        return new KolProfile(name, contact, country, specialties, therapeuticAreas, researchInterests, researchTopics,
                currentProjects, affiliations, publications, clinicalTrials, ids, tier, preferences, conflictsOfInterest,
                status);
    }

    /**
     * What remains after a GDPR erasure: no name, contact, identifiers, notes or free text, and no research topics
     * (what a person works on describes them); the non-personal aggregates that metrics rest on (country, tier,
     * therapeutic areas) stay.
     */
    public KolProfile erased() {
        return new KolProfile(new PersonName(null, null, "[erased]", null), null, country, List.of(), therapeuticAreas,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), KolIdentifiers.none(), tier,
                new Preferences(preferences.channels(), preferences.meetingLengthMinutes(),
                        preferences.maxContactsPerQuarter(), null),
                List.of(), KolStatus.ERASED);
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
