package io.warden.command.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Makes the spellings a customer might register a listed firm under, deterministically (fixed seed): reordered
 * words, dropped or added legal forms, one typo, transliteration variants, lost punctuation and case.
 */
final class VariantGenerator {

    enum Kind { REORDERED, LEGAL_FORM_DROPPED, LEGAL_FORM_ADDED, TYPO, TRANSLITERATED, DIACRITICS_STRIPPED, PUNCTUATION_AND_CASE }

    record Variant(String variant, ListEntry entry, String from, Kind kind) {
    }

    private static final Set<String> LEGAL = Set.of("co", "co.", "co.,", "ltd", "ltd.", "limited", "inc", "inc.",
            "llc", "corp", "corp.", "corporation", "company", "gmbh", "jsc", "ojsc", "cjsc", "pjsc", "ooo", "group",
            "holdings", "holding", "s.a.", "sa", "plc", "fze", "llc.", "pte", "ltd,");

    private final Random random;

    VariantGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Every applicable kind of variant of every name and alternative name: for a small list. */
    List<Variant> allVariants(List<ListEntry> entries) {
        List<Variant> out = new ArrayList<>();
        for (ListEntry entry : entries) {
            if (Set.of("Individual", "Vessel", "Aircraft").contains(entry.type())) {
                continue;
            }
            List<String> names = new ArrayList<>();
            names.add(entry.name());
            names.addAll(entry.altNames());
            for (String from : names) {
                for (Kind kind : Kind.values()) {
                    String variant = apply(kind, from);
                    if (variant != null && !variant.equals(from) && !variant.isBlank()) {
                        out.add(new Variant(variant, entry, from, kind));
                    }
                }
            }
        }
        return out;
    }

    /** Up to {@code count} variants of distinct entries that are companies (not people, vessels or aircraft). */
    List<Variant> variants(List<ListEntry> entries, int count) {
        List<ListEntry> companies = new ArrayList<>(entries.stream()
                .filter(e -> !Set.of("Individual", "Vessel", "Aircraft").contains(e.type()))
                .filter(e -> e.name().replaceAll("[^A-Za-z]", "").length() >= 6)
                .toList());
        Collections.shuffle(companies, random);
        Kind[] kinds = Kind.values();
        List<Variant> out = new ArrayList<>();
        int k = 0;
        for (ListEntry entry : companies) {
            if (out.size() >= count) {
                break;
            }
            List<String> names = new ArrayList<>();
            names.add(entry.name());
            names.addAll(entry.altNames());
            String from = names.get(random.nextInt(names.size()));
            for (int attempt = 0; attempt < kinds.length; attempt++) {
                Kind kind = kinds[(k + attempt) % kinds.length];
                String variant = apply(kind, from);
                if (variant != null && !variant.equals(from) && !variant.isBlank()) {
                    out.add(new Variant(variant, entry, from, kind));
                    k = (k + attempt + 1) % kinds.length;
                    break;
                }
            }
        }
        return out;
    }

    private String apply(Kind kind, String name) {
        List<String> words = new ArrayList<>(Arrays.asList(name.trim().split("\\s+")));
        return switch (kind) {
            case REORDERED -> {
                if (words.size() < 2) {
                    yield null;
                }
                List<String> shuffled = new ArrayList<>(words);
                for (int i = 0; i < 5 && shuffled.equals(words); i++) {
                    Collections.shuffle(shuffled, random);
                }
                yield String.join(" ", shuffled).replace(",", "");
            }
            case LEGAL_FORM_DROPPED -> {
                List<String> kept = words.stream().filter(w -> !LEGAL.contains(w.toLowerCase(Locale.ROOT))).toList();
                yield kept.size() == words.size() || kept.isEmpty() ? null : String.join(" ", kept).replaceAll(",$", "");
            }
            case LEGAL_FORM_ADDED -> {
                List<String> forms = List.of("Ltd.", "Co., Ltd.", "LLC", "Inc.", "GmbH", "Holdings");
                yield name + " " + forms.get(random.nextInt(forms.size()));
            }
            case TYPO -> typo(words);
            case TRANSLITERATED -> transliterated(name);
            case DIACRITICS_STRIPPED -> {
                String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                yield stripped.equals(name) ? null : stripped;
            }
            case PUNCTUATION_AND_CASE -> {
                String plain = name.replaceAll("[,.'\"()\\-]", " ").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
                yield plain.equals(name) ? null : plain;
            }
        };
    }

    private String typo(List<String> words) {
        List<Integer> long_ = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).replaceAll("[^A-Za-z]", "").length() >= 6) {
                long_.add(i);
            }
        }
        if (long_.isEmpty()) {
            return null;
        }
        int w = long_.get(random.nextInt(long_.size()));
        char[] chars = words.get(w).toCharArray();
        int p = 1 + random.nextInt(chars.length - 2);
        String word = new String(chars);
        String typo = switch (random.nextInt(3)) {
            case 0 -> word.substring(0, p) + word.substring(p + 1);                         // a letter dropped
            case 1 -> word.substring(0, p) + word.charAt(p + 1) + word.charAt(p) + word.substring(p + 2); // swapped
            default -> word.substring(0, p) + (char) ('a' + random.nextInt(26)) + word.substring(p + 1); // replaced
        };
        List<String> copy = new ArrayList<>(words);
        copy.set(w, typo);
        return String.join(" ", copy);
    }

    /** Another romanisation of the same name: German umlauts spelled out, Cyrillic and Chinese spellings swapped. */
    private static String transliterated(String name) {
        String[][] swaps = {{"ü", "ue"}, {"ö", "oe"}, {"ä", "ae"}, {"Ü", "Ue"}, {"Ö", "Oe"}, {"KH", "H"}, {"Kh", "H"},
                {"kh", "h"}, {"IY", "Y"}, {"iy", "y"}, {"YA", "IA"}, {"ya", "ia"}, {"YU", "IU"}, {"yu", "iu"},
                {"TS", "TZ"}, {"ts", "tz"}, {"SCH", "SH"}, {"sch", "sh"}, {"ZH", "J"}, {"zh", "j"}, 
                {"PH", "F"}, {"ph", "f"}, {"W", "V"}, {"w", "v"}};
        for (String[] swap : swaps) {
            if (name.contains(swap[0])) {
                return name.replace(swap[0], swap[1]);
            }
        }
        return null;
    }
}
