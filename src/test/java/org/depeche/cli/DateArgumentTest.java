package org.depeche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateArgumentTest {

  @ParameterizedTest(name = "{0} → {1} … {2}")
  @CsvSource(delimiter = '|', textBlock = """
      2022        | 2022-01-01 | 2022-12-31
      2022-11     | 2022-11-01 | 2022-11-30
      2022-02     | 2022-02-01 | 2022-02-28
      2024-02     | 2024-02-01 | 2024-02-29
      2022-11-15  | 2022-11-15 | 2022-11-15
      ` 2022-11 ` | 2022-11-01 | 2022-11-30
      """, quoteCharacter = '`')
  void aYearOrMonthStartsOnItsFirstDayAndEndsOnItsLast(String text, LocalDate first, LocalDate last) {
    assertEquals(first, DateArgument.first("--from", text));
    assertEquals(last, DateArgument.last("--to", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2022-13", "2022-02-30", "22", "2022/11", "15/11/2022", "2022-1", "", "novembre"})
  void anythingElseIsNamedInTheError(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DateArgument.first("--from", text));
    assertEquals("--from: not a date: '" + text + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)", e.getMessage());
  }
}
