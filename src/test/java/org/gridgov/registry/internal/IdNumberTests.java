package org.gridgov.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTests {

    @Test
    void acceptsTheStandardsExampleWithItsXCheckCharacter() {
        var id = IdNumber.parse(" 11010519491231002x ");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        // 002: an even sequence number is a woman.
        assertThat(id.sex()).isEqualTo('2');
        assertThat(id.addressCode()).isEqualTo("110105");
    }

    @Test
    void derivesTheCheckCharacterOfAnyNumber() {
        String first17 = "42138119850607123";
        var id = IdNumber.parse(first17 + IdNumber.checkCharacter(first17));
        assertThat(id.sex()).isEqualTo('1');
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 6, 7));
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThatThrownBy(() -> IdNumber.parse("110105194912310021"))
                .isInstanceOfSatisfying(
                        IdNumber.Invalid.class, e -> assertThat(e.fault).isEqualTo(IdNumber.Fault.CHECK_DIGIT));
    }

    @Test
    void refusesABirthDateThatDoesNotExist() {
        String first17 = "42138119850230123";
        assertThatThrownBy(() -> IdNumber.parse(first17 + IdNumber.checkCharacter(first17)))
                .isInstanceOfSatisfying(
                        IdNumber.Invalid.class, e -> assertThat(e.fault).isEqualTo(IdNumber.Fault.BIRTH_DATE));
    }

    @Test
    void refusesWrongLengthAndLetters() {
        assertThatThrownBy(() -> IdNumber.parse("4213811985"))
                .isInstanceOfSatisfying(
                        IdNumber.Invalid.class, e -> assertThat(e.fault).isEqualTo(IdNumber.Fault.LENGTH));
        assertThatThrownBy(() -> IdNumber.parse("42138119850607A23X"))
                .isInstanceOfSatisfying(
                        IdNumber.Invalid.class, e -> assertThat(e.fault).isEqualTo(IdNumber.Fault.FORMAT));
    }

    @Test
    void nameGramsFindAFragmentOfAChineseName() {
        assertThat(NameGrams.of("欧阳明华")).containsExactly("欧", "欧阳", "阳", "阳明", "明", "明华", "华");
        assertThat(NameGrams.of("欧阳明华")).contains(NameGrams.query("明华"));
        assertThat(NameGrams.of("欧阳明华")).contains(NameGrams.query("阳明华"));
        assertThat(NameGrams.of("欧阳明华")).doesNotContain(NameGrams.query("华明"));
        assertThat(NameGrams.query("明")).containsExactly("明");
    }
}
