package org.depeche.corpus;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates found in corpus files.
 *
 * <p>Accepted forms, whole string only:
 *
 * <ul>
 *   <li>ISO {@code 2022-11-15}, with an optional time: {@code 2022-11-15T10:00:00Z}, {@code
 *       2022-11-15 10:00}. The date part is kept as written, not converted to UTC: it is the date
 *       the publisher printed.
 *   <li>Numeric French order {@code 15/11/2022} (day/month/year).
 *   <li>French words {@code 15 novembre 2022}, {@code 1er août 2022}, {@code mardi 15 novembre
 *       2022}, in any case, accents optional ({@code aout}).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class Dates {

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})"
              + "(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?");
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern FRENCH =
      Pattern.compile(
          "(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\s+)?"
              + "(\\d{1,2})(?:er)?\\s+(\\p{L}+)\\s+(\\d{4})",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("janvier", 1),
          Map.entry("février", 2),
          Map.entry("fevrier", 2),
          Map.entry("mars", 3),
          Map.entry("avril", 4),
          Map.entry("mai", 5),
          Map.entry("juin", 6),
          Map.entry("juillet", 7),
          Map.entry("août", 8),
          Map.entry("aout", 8),
          Map.entry("septembre", 9),
          Map.entry("octobre", 10),
          Map.entry("novembre", 11),
          Map.entry("décembre", 12),
          Map.entry("decembre", 12));

  private Dates() {}

  /**
   * Returns the date written in {@code text} ({@code "15 novembre 2022"} → 2022-11-15), or {@code
   * null} when it is in none of the accepted forms or is not a real day ({@code "2022-02-30"}).
   */
  static LocalDate parse(String text) {
    String s = text.strip();
    try {
      Matcher m = ISO.matcher(s);
      if (m.matches()) {
        return date(m.group(1), m.group(2), m.group(3));
      }
      m = NUMERIC.matcher(s);
      if (m.matches()) {
        return date(m.group(3), m.group(2), m.group(1));
      }
      m = FRENCH.matcher(s);
      if (m.matches()) {
        Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
        return month == null ? null : date(m.group(3), month.toString(), m.group(1));
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }

  /**
   * Returns the date in {@code value} (null stays null), or null with the warning {@code unknown
   * date 'value'} for line {@code line} of {@code file}.
   */
  static LocalDate parse(Path file, int line, String value, Consumer<Problem> problems) {
    if (value == null) {
      return null;
    }
    LocalDate date = parse(value);
    if (date == null) {
      problems.accept(
          new Problem(file, line, Problem.Severity.WARNING, "unknown date '" + value + "'"));
    }
    return date;
  }

  private static LocalDate date(String year, String month, String day) {
    return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
  }
}
