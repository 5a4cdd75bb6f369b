package io.rapport.platform.validation;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks for the public identifier formats Rapport accepts (standards, not domain rules): NPI and ORCID with
 * their check digits, PubMed ids, DOIs, trial registry ids, ISO country and currency codes.
 */
public final class Identifiers {

    private static final Pattern NPI = Pattern.compile("[12]\\d{9}");
    private static final Pattern ORCID = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
    private static final Pattern PMID = Pattern.compile("[1-9]\\d{0,7}");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}(\\.\\d+)*/\\S+");
    private static final Pattern NCT = Pattern.compile("NCT\\d{8}");
    private static final Pattern EUDRACT = Pattern.compile("(19|20)\\d{2}-\\d{6}-\\d{2}");
    private static final Pattern CTIS = Pattern.compile("(19|20)\\d{2}-\\d{6}-\\d{2}-\\d{2}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Identifiers() {
    }

    /** A US National Provider Identifier: 10 digits starting 1 or 2, Luhn check over 80840 + the 9 first digits. */
    public static boolean isNpi(String value) {
        return value != null && NPI.matcher(value).matches() && luhnValid("80840" + value);
    }

    /** An ORCID iD: {@code dddd-dddd-dddd-ddd[dX]} with its ISO 7064 MOD 11-2 check character. */
    public static boolean isOrcid(String value) {
        if (value == null || !ORCID.matcher(value).matches()) {
            return false;
        }
        String digits = value.replace("-", "");
        return orcidCheckCharacter(digits.substring(0, 15)) == digits.charAt(15);
    }

    public static boolean isPmid(String value) {
        return value != null && PMID.matcher(value).matches();
    }

    public static boolean isDoi(String value) {
        return value != null && value.length() <= 300 && DOI.matcher(value).matches();
    }

    public static boolean isNct(String value) {
        return value != null && NCT.matcher(value).matches();
    }

    public static boolean isEudraCt(String value) {
        return value != null && EUDRACT.matcher(value).matches();
    }

    public static boolean isCtis(String value) {
        return value != null && CTIS.matcher(value).matches();
    }

    /** ISO 3166-1 alpha-2, upper case. */
    public static boolean isCountry(String value) {
        return value != null && COUNTRIES.contains(value);
    }

    /** ISO 4217, upper case. */
    public static boolean isCurrency(String value) {
        if (value == null || !value.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The ISO 7064 MOD 11-2 check character of 15 ORCID digits. */
    public static char orcidCheckCharacter(String fifteenDigits) {
        int total = 0;
        for (char c : fifteenDigits.toCharArray()) {
            total = (total + (c - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char) ('0' + result);
    }

    /** The Luhn check digit that completes {@code digits}. */
    public static int luhnCheckDigit(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean luhnValid(String digits) {
        return luhnCheckDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }
}
