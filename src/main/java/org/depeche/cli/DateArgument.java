package org.depeche.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of {@code --from} and {@code --to}: a day, a month or a year, ISO-style. {@code
 * --from 2022-11} starts on 2022-11-01, {@code --to 2022-11} ends on 2022-11-30, {@code --to 2022}
 * on 2022-12-31.
 */
final class DateArgument {
  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  private DateArgument() {}

  /** Returns the first day of the period {@code text} names. */
  static LocalDate first(String option, String text) {
    return parse(option, text, true);
  }

  /** Returns the last day of the period {@code text} names. */
  static LocalDate last(String option, String text) {
    return parse(option, text, false);
  }

  private static LocalDate parse(String option, String text, boolean first) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw bad(option, text);
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(2) == null) {
        return first ? Year.of(year).atDay(1) : Year.of(year).atMonth(12).atEndOfMonth();
      }
      YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
      if (m.group(3) == null) {
        return first ? month.atDay(1) : month.atEndOfMonth();
      }
      return month.atDay(Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      throw bad(option, text);
    }
  }

  private static IllegalArgumentException bad(String option, String text) {
    return new IllegalArgumentException(option + ": not a date: '" + text
        + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  }
}
