package io.rapport.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fictitious but plausible people and science for the demo: KOL profiles with valid NPI and ORCID check digits,
 * research interests and publications per therapeutic area. Everything comes from one seeded random source.
 */
public final class DemoPeople {

    static final List<String> AREAS = List.of("ONCOLOGY", "CARDIOLOGY", "IMMUNOLOGY", "NEUROLOGY");
    static final Map<String, String> PRODUCTS = Map.of("ONCOLOGY", "ONC-101", "CARDIOLOGY", "CARD-220",
            "IMMUNOLOGY", "IMM-310", "NEUROLOGY", "NEU-410");

    private static final String[] GIVEN = { "Amelia", "Bernd", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hugo",
            "Ines", "Jonas", "Katrin", "Luca", "Maren", "Nils", "Olivia", "Pavel", "Rosa", "Stefan", "Tara", "Ulrich",
            "Vera", "Walter", "Yara", "Zoe", "Aaron", "Beatriz", "Colin", "Daniela", "Emil", "Fiona" };
    private static final String[] FAMILY = { "Achterberg", "Bellandi", "Castellanos", "Dunmore", "Eckhardt",
            "Falkner", "Gallagher", "Haverkamp", "Ilves", "Jansky", "Kowalczyk", "Lindqvist", "Moreau", "Nakashima",
            "Oberlin", "Petrakis", "Quintero", "Rasmussen", "Sandoval", "Thorsen", "Urquhart", "Valdez", "Whitcombe",
            "Ximenes", "Yilmaz", "Zanetti", "Abernathy", "Brennecke", "Cavendish", "Delacroix" };
    private static final Map<String, List<String>> INTERESTS = Map.of(
            "ONCOLOGY", List.of("immunotherapy-resistance", "biomarker-testing", "car-t-persistence",
                    "elderly-patients", "tumour-microenvironment"),
            "CARDIOLOGY", List.of("heart-failure-outcomes", "lipid-lowering", "atrial-fibrillation",
                    "cardiac-rehabilitation", "hypertension-control"),
            "IMMUNOLOGY", List.of("biologic-switching", "psoriatic-arthritis", "jak-inhibitors",
                    "treat-to-target", "steroid-sparing"),
            "NEUROLOGY", List.of("migraine-prevention", "multiple-sclerosis-relapse", "neuroinflammation",
                    "cognitive-decline", "epilepsy-surgery"));
    private static final String[] SPECIALTIES = { "Medical Oncology", "Cardiology", "Rheumatology", "Neurology",
            "Internal Medicine", "Clinical Pharmacology" };
    private static final String[] INSTITUTIONS = { "University Hospital", "Medical Center", "Cancer Institute",
            "Heart Centre", "Research Hospital", "Clinic of Internal Medicine" };
    private static final String[] CITIES = { "Heidelberg", "Lyon", "Leeds", "Valencia", "Bologna", "Boston",
            "Baltimore", "Uppsala", "Leiden", "Freiburg" };

    private DemoPeople() {
    }

    /** Every research topic code of the demo vocabulary (reference data in kol-service). */
    public static List<String> researchTopics() {
        return INTERESTS.values().stream().flatMap(List::stream).sorted().toList();
    }

    /** "car-t-persistence" becomes "Car t persistence": the display name of a topic, and a typed interest. */
    public static String topicName(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A KOL profile in the given country and area; tier 1 (global) to 4 (local). */
    public static Map<String, Object> kol(Random random, int number, String country, String area, int tier) {
        Map<String, Object> profile = new LinkedHashMap<>();
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String family = FAMILY[(number * 7 + random.nextInt(3)) % FAMILY.length];
        profile.put("name", Map.of("prefix", random.nextInt(4) == 0 ? "Prof. Dr." : "Dr.", "given", given,
                "family", family));
        profile.put("contact", Map.of("email", (given + "." + family + number).toLowerCase() + "@example.org",
                "phone", "+49 30 " + (1000000 + random.nextInt(8999999))));
        profile.put("country", country);
        profile.put("specialties", List.of(SPECIALTIES[AREAS.indexOf(area) % SPECIALTIES.length]));
        profile.put("therapeuticAreas", List.of(area));
        List<String> interests = new ArrayList<>(INTERESTS.get(area));
        java.util.Collections.shuffle(interests, random);
        List<String> topics = interests.subList(0, 2 + random.nextInt(2));
        profile.put("researchTopics", topics);
        profile.put("researchInterests", topics.stream().map(DemoPeople::topicName).toList());
        String city = CITIES[random.nextInt(CITIES.length)];
        profile.put("affiliations",
                List.of(Map.of("institution", city + " " + INSTITUTIONS[random.nextInt(INSTITUTIONS.length)],
                        "role", tier <= 2 ? "Head of Department" : "Consultant", "country", country)));
        List<Map<String, Object>> publications = new ArrayList<>();
        for (int i = 0; i < 4 - Math.min(tier, 3); i++) {
            publications.add(Map.of("pmid", Integer.toString(30000000 + random.nextInt(9000000)),
                    "doi", "10.5555/rapport.demo." + number + "." + i,
                    "title", "Outcomes in " + interests.get(i % interests.size()).replace('-', ' ') + ": a cohort study",
                    "journal", "Journal of Fictitious Medicine", "year", 2019 + random.nextInt(7)));
        }
        profile.put("publications", publications);
        if (tier <= 2) {
            profile.put("clinicalTrials", List.of(Map.of("registry", "NCT", "id",
                    String.format("NCT%08d", 4000000 + number * 13), "role", "PRINCIPAL_INVESTIGATOR",
                    "phase", "PHASE_3", "status", "RECRUITING")));
        }
        Map<String, Object> identifiers = new LinkedHashMap<>();
        identifiers.put("orcid", orcid(random));
        if ("US".equals(country)) {
            identifiers.put("npi", npi(random));
        }
        identifiers.put("external", List.of(Map.of("system", "veeva", "id", String.format("0011x%010d", number))));
        profile.put("identifiers", identifiers);
        profile.put("tier", tier);
        profile.put("preferences", Map.of("channels", random.nextBoolean() ? List.of("IN_PERSON", "VIDEO")
                : List.of("VIDEO", "EMAIL", "PHONE"), "meetingLengthMinutes", 30 + 15 * random.nextInt(3)));
        if (random.nextInt(6) == 0) {
            profile.put("conflictsOfInterest", List.of(Map.of("company", "Fictitious Pharma AG", "kind",
                    random.nextBoolean() ? "ADVISORY_BOARD" : "SPEAKER", "from", "2025-01-01")));
        }
        return profile;
    }

    /**
     * The e-mail consent of the n-th demo KOL, as the body of {@code PUT /kols/{id}/consents/EMAIL_CONTACT}: the
     * rights are not part of the profile, they are filed through their own endpoints. One KOL in ten refused.
     */
    public static Map<String, Object> emailConsent(int number) {
        return Map.of("status", number % 10 == 7 ? "REFUSED" : "GRANTED", "requestedBy", "the KOL on a signed form",
                "source", "signed form");
    }

    /** A valid NPI: nine digits and the Luhn check digit over 80840 followed by them. */
    static String npi(Random random) {
        return npi((1 + random.nextInt(2)) + String.format("%08d", random.nextInt(100_000_000)));
    }

    /** The n-th of a series of distinct valid NPIs (n below 100,000,000). */
    public static String npi(long n) {
        return npi("1" + String.format("%08d", n));
    }

    private static String npi(String nine) {
        String prefixed = "80840" + nine;
        int sum = 0;
        for (int i = 0; i < prefixed.length(); i++) {
            int digit = prefixed.charAt(prefixed.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return nine + (10 - sum % 10) % 10;
    }

    /** A valid ORCID iD: fifteen digits and the ISO 7064 MOD 11-2 check character. */
    static String orcid(Random random) {
        return orcid(String.format("%015d", (long) (random.nextDouble() * 1e15)));
    }

    /** The n-th of a series of distinct valid ORCID iDs. */
    public static String orcid(long n) {
        return orcid(String.format("%015d", 900_000_000_000_000L + n));
    }

    private static String orcid(String digits) {
        int total = 0;
        for (char c : digits.toCharArray()) {
            total = (total + (c - '0')) * 2;
        }
        int check = (12 - total % 11) % 11;
        String all = digits + (check == 10 ? "X" : Integer.toString(check));
        return all.substring(0, 4) + "-" + all.substring(4, 8) + "-" + all.substring(8, 12) + "-" + all.substring(12);
    }

    /** Tags of what KOLs said, per area, for insights (the first ones come up most). */
    static List<String> insightTags(String area) {
        return INTERESTS.get(area);
    }
}
