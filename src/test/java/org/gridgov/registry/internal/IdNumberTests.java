package org.gridgov.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static IdNumber.Fault faultOf(String first17) {
        try {
            IdNumber.parse(first17 + IdNumber.checkCharacter(first17), TODAY);
            return null;
        } catch (IdNumber.Invalid e) {
            return e.fault;
        }
    }

    @Test
    void refusesABirthDateInTheFutureOrBefore1900() {
        assertThat(faultOf("42138120270101123")).isEqualTo(IdNumber.Fault.BIRTH_DATE_RANGE);
        assertThat(faultOf("42138120261203123")).isEqualTo(IdNumber.Fault.BIRTH_DATE_RANGE);
        assertThat(faultOf("42138118991231123")).isEqualTo(IdNumber.Fault.BIRTH_DATE_RANGE);
        assertThat(faultOf("42138120261202123")).isNull();
        assertThat(faultOf("42138119000101123")).isNull();
    }

    @Test
    void refusesFirstTwoDigitsThatAreNoProvinceButKeepsTheRestOfTheRegionLenient() {
        assertThat(faultOf("99138119850607123")).isEqualTo(IdNumber.Fault.PROVINCE);
        assertThat(faultOf("00000019850607123")).isEqualTo(IdNumber.Fault.PROVINCE);
        assertThat(faultOf("10010519850607123")).isEqualTo(IdNumber.Fault.PROVINCE);
        // 429999 names no county today: an abolished or unknown code beyond the province still passes.
        assertThat(faultOf("42999919850607123")).isNull();
        assertThat(faultOf("81000019850607123")).isNull();
        assertThat(faultOf("83000019850607123")).isNull();
    }

    @Test
    void acceptsTheStandardsExampleWithItsXCheckCharacter() {
        var id = IdNumber.parse(" 11010519491231002x ", TODAY);
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        // 002: an even sequence number is a woman.
        assertThat(id.sex()).isEqualTo('2');
        assertThat(id.addressCode()).isEqualTo("110105");
    }

    @Test
    void derivesTheCheckCharacterOfAnyNumber() {
        String first17 = "42138119850607123";
        var id = IdNumber.parse(first17 + IdNumber.checkCharacter(first17), TODAY);
        assertThat(id.sex()).isEqualTo('1');
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 6, 7));
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThatThrownBy(() -> IdNumber.parse("110105194912310021", TODAY))
                .isInstanceOfSatisfying(
                        IdNumber.Invalid.class, e -> assertThat(e.fault).isEqualTo(IdNumber.Fault.CHECK_DIGIT));
    }

    @Test
    void refusesABirthDateThatDoesNotExist() {
        String first17 = "42138119850230123";
        assertThatThrownBy(() -> IdNumber.parse(first17 + IdNumber.checkCharacter(first17), TODAY))
                .isInstanceOfSatisfying(
                        IdNumber.Invalid.class, e -> assertThat(e.fault).isEqualTo(IdNumber.Fault.BIRTH_DATE));
    }

    @Test
    void refusesWrongLengthAndLetters() {
        assertThatThrownBy(() -> IdNumber.parse("4213811985", TODAY))
                .isInstanceOfSatisfying(
                        IdNumber.Invalid.class, e -> assertThat(e.fault).isEqualTo(IdNumber.Fault.LENGTH));
        assertThatThrownBy(() -> IdNumber.parse("42138119850607A23X", TODAY))
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
