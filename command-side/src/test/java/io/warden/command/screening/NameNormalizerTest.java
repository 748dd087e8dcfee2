package io.warden.command.screening;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameNormalizerTest {

    private final NameNormalizer normalizer = new NameNormalizer();

    @Test
    void case_punctuation_and_legal_forms_do_not_matter() {
        assertThat(normalizer.key("Hikvision Co., Ltd.")).isEqualTo(normalizer.key("HIKVISION"));
        assertThat(normalizer.key("Kalinov Precision, JSC")).isEqualTo(normalizer.key("kalinov precision"));
        assertThat(normalizer.key("Minera S. A.")).isEqualTo(normalizer.key("MINERA, S.A."));
    }

    @Test
    void a_legal_form_with_a_typo_is_still_a_legal_form() {
        assertThat(normalizer.key("Basic Element Limitde")).isEqualTo(normalizer.key("Basic Element"));
        assertThat(normalizer.droppedWords("Basic Element Limitde")).hasSize(1);
    }

    @Test
    void accents_umlauts_and_their_spelled_out_forms_meet() {
        assertThat(normalizer.key("Müller Spezialtechnik")).isEqualTo(normalizer.key("Mueller Spezialtechnik"))
                .isEqualTo(normalizer.key("Muller Spezialtechnik"));
        assertThat(normalizer.key("Corporación Minera")).isEqualTo(normalizer.key("Corporacion Minera"));
    }

    @Test
    void cyrillic_and_its_romanisations_meet() {
        assertThat(normalizer.key("Хмельницкий")).isEqualTo(normalizer.key("Khmelnitskiy"))
                .isEqualTo(normalizer.key("Hmelnitsky"));
        assertThat(normalizer.key("Щукин")).isEqualTo(normalizer.key("Shchukin"));
        assertThat(normalizer.key("Фёдоров")).isEqualTo(normalizer.key("Fedorov"));
    }

    @Test
    void a_name_made_only_of_legal_words_keeps_them() {
        assertThat(normalizer.key("Holdings Ltd")).isNotEmpty();
    }
}
