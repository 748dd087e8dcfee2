package io.warden.command.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Brings a name into the form names are compared in: lower case, Latin script, no accents, no punctuation, no
 * legal-form words, and spelling differences that transliteration produces folded together.
 * <p>
 * Both sides of every comparison go through the same folding, so a rule only has to map the variants onto one
 * key, not produce a pretty spelling: "Müller", "Mueller" and "Muller" all become {@code muler}; "Хмельницкий",
 * "Khmelnitskiy" and "Hmelnitsky" meet at {@code hmelnicki}.
 */
public final class NameNormalizer {

    /** Spelling pairs that transliteration systems disagree on, folded to one side (applied in this order). */
    private static final String[][] FOLDS = {
            {"shch", "sh"}, {"tch", "ch"}, {"dzh", "j"}, {"zh", "j"}, {"kh", "h"}, {"ph", "f"}, {"ck", "k"},
            {"ts", "c"}, {"tz", "c"}, {"cz", "c"}, {"ae", "a"}, {"oe", "o"}, {"ue", "u"}, {"y", "i"}, {"w", "v"},
            {"q", "k"}, {"x", "ks"}, {"ii", "i"}, {"ee", "e"}, {"oo", "o"}, {"ll", "l"}, {"ss", "s"}, {"tt", "t"},
            {"nn", "n"}, {"mm", "m"}, {"ff", "f"}, {"rr", "r"}, {"pp", "p"}};

    /**
     * Words that say what kind of company it is, not which one: dropped so "Hikvision Co., Ltd." meets "Hikvision".
     * Folded like every other token, hence spelled here in their raw form and folded once at start-up.
     */
    private static final Set<String> LEGAL_FORMS_RAW = Set.of(
            "co", "company", "companies", "corp", "corporation", "inc", "incorporated", "llc", "ltd", "limited",
            "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "plc", "oy", "oyj", "ab", "as", "asa", "kk",
            "jsc", "ojsc", "cjsc", "pjsc", "ojs", "ooo", "zao", "oao", "pao", "llp", "lp", "group", "holding",
            "holdings", "pte", "pty", "sdn", "bhd", "fze", "fzco", "fzc", "fzllc", "fz", "dmcc", "est", "establishment",
            "the", "and", "of", "sl", "cv", "rl", "sau", "sasu", "ca", "saic", "sapi", "kg", "mbh", "se", "lda", "ltda", "tov", "chp",
            "tic", "sti", "ao", "pt", "tbk", "cc", "sac", "cia", "ey", "gie", "intl");
    private static final Set<String> LEGAL_FORMS = foldAll(LEGAL_FORMS_RAW);

    private static final Map<Character, String> SPECIAL = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ø', "o"),
            Map.entry('đ', "d"), Map.entry('ð', "d"), Map.entry('ł', "l"), Map.entry('ı', "i"), Map.entry('þ', "th"),
            Map.entry('ä', "ae"), Map.entry('ö', "oe"), Map.entry('ü', "ue"), Map.entry('&', " and "),
            // Cyrillic, after the BGN/PCGN romanisation the lists mostly use
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"), Map.entry('і', "i"), Map.entry('ї', "yi"),
            Map.entry('є', "ye"), Map.entry('ґ', "g"), Map.entry('ў', "u"));


    /**
     * The words of legal forms spelled out ("Public Joint Stock Company", "Obshchestvo s Ogranichennoy …"). They are
     * kept, since dropping a phrase only works while its words stay in order, but they weigh little in a comparison
     * ({@link #isWeak}): present on both sides or missing on one, they hardly move the score.
     */
    private static final Set<String> WEAK_WORDS = weakWords(List.of(
            "open joint stock", "closed joint stock", "public joint stock", "private joint stock", "joint stock",
            "limited liability", "obshchestvo s ogranichennoy otvetstvennostyu",
            "obshchestvo s ogranichennoi otvetstvennostiu", "otkrytoe aktsionernoe obshchestvo",
            "zakrytoe aktsionernoe obshchestvo", "publichnoe aktsionernoe obshchestvo", "aktsionernoe obshchestvo",
            "sociedad anonima", "societe anonyme", "sociedade anonima", "s de rl de cv", "sa de cv"));

    /** Long legal-form words, also recognised with one typo ("Limitde", "Corpoation"). */
    private static final List<String> LONG_LEGAL_FORMS = LEGAL_FORMS.stream().filter(w -> w.length() >= 6).sorted().toList();

    /** The tokens of {@code name} to compare, legal forms dropped (unless nothing else is left). */
    public List<String> tokens(String name) {
        List<String> all = foldedTokens(name);
        List<String> kept = new ArrayList<>(all.size());
        for (String token : all) {
            if (!isLegalForm(token)) {
                kept.add(token);
            }
        }
        return kept.isEmpty() ? all : kept;
    }

    /** A word of a spelled-out legal form: it says what kind of company, not which. */
    public boolean isWeak(String token) {
        return WEAK_WORDS.contains(token);
    }

    private static Set<String> weakWords(List<String> phrases) {
        Set<String> words = new java.util.HashSet<>();
        for (String phrase : phrases) {
            words.addAll(foldedTokens(phrase));
        }
        return Set.copyOf(words);
    }

    private static boolean isLegalForm(String token) {
        if (LEGAL_FORMS.contains(token)) {
            return true;
        }
        if (token.length() < 6) {
            return false;
        }
        for (String form : LONG_LEGAL_FORMS) {
            if (Math.abs(form.length() - token.length()) <= 1 && EditDistance.osa(form, token) <= 1) {
                return true;
            }
        }
        return false;
    }

    /** The tokens of {@code name} joined by single spaces: the key names are compared by. */
    public String key(String name) {
        return String.join(" ", tokens(name));
    }

    /** The legal-form words {@link #tokens} dropped from {@code name}, for the explanation of a score. */
    public List<String> droppedWords(String name) {
        List<String> all = foldedTokens(name);
        List<String> dropped = all.stream().filter(NameNormalizer::isLegalForm).toList();
        return dropped.size() == all.size() ? List.of() : dropped;
    }

    private static List<String> foldedTokens(String name) {
        if (name == null) {
            return List.of();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder mapped = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String replacement = SPECIAL.get(c);
            mapped.append(replacement != null ? replacement : String.valueOf(c));
        }
        String stripped = Normalizer.normalize(mapped, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        StringBuilder cleaned = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                cleaned.append(c);
            } else if (c == '\'' || c == '’' || c == '`' || c == '.' || c == 'ʼ') {
                // "S.A." is one word, and so is "'Abbas"
                continue;
            } else if (Character.isLetterOrDigit(c)) {
                // another script we do not transliterate (Chinese, Arabic, …): kept, so it can still match itself
                cleaned.append(c);
            } else {
                cleaned.append(' ');
            }
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder initials = new StringBuilder();
        for (String raw : cleaned.toString().trim().split("\\s+")) {
            if (raw.length() == 1 && Character.isLetter(raw.charAt(0))) {
                // "S A", "Q C Chen": initials written apart are one word, as "S.A." and "Q.C." are
                initials.append(raw);
                continue;
            }
            if (initials.length() > 0) {
                tokens.add(fold(initials.toString()));
                initials.setLength(0);
            }
            if (!raw.isEmpty()) {
                tokens.add(fold(raw));
            }
        }
        if (initials.length() > 0) {
            tokens.add(fold(initials.toString()));
        }
        return tokens;
    }

    static String fold(String token) {
        String t = token;
        for (String[] pair : FOLDS) {
            if (t.contains(pair[0])) {
                t = t.replace(pair[0], pair[1]);
            }
        }
        return t;
    }

    private static Set<String> foldAll(Set<String> words) {
        Set<String> folded = new java.util.HashSet<>();
        for (String w : words) {
            folded.add(fold(w));
        }
        return Set.copyOf(folded);
    }
}
