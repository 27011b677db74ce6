package org.depeche.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      textBlock =
          """
          2022-11-15                | 2022-11-15
          ' 2022-11-15 '            | 2022-11-15
          2022-11-15T10:00:00Z      | 2022-11-15
          2022-11-15T23:30:00-05:00 | 2022-11-15
          2022-11-15T10:00:00.123Z  | 2022-11-15
          2022-11-15 10:00          | 2022-11-15
          15/11/2022                | 2022-11-15
          5/1/2022                  | 2022-01-05
          15 novembre 2022          | 2022-11-15
          1er août 2022             | 2022-08-01
          1 aout 2022               | 2022-08-01
          3 Février 2021            | 2021-02-03
          mardi 15 novembre 2022    | 2022-11-15
          2022-02-30                | null
          2022-11-15 plus tard      | null
          11/15/2022                | null
          15 brumaire 2022          | null
          hier                      | null
          ''                        | null
          """)
  void parsesTheAcceptedForms(String text, LocalDate expected) {
    assertEquals(expected, Dates.parse(text));
  }
}
