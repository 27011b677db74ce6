package org.depeche.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.depeche.QuerySyntaxException;
import org.depeche.search.ParsedQuery.Field;
import org.depeche.search.ParsedQuery.Group;
import org.depeche.search.ParsedQuery.Item;

/**
 * Parses depeche's query syntax: plain words, {@code "phrase"}, {@code « phrase »} or
 * {@code “phrase”}, {@code -word} or {@code -"phrase"} to exclude, {@code OR} between two items,
 * the prefixes {@code title:} and {@code source:} before a word or phrase, and {@code word*} for
 * the words that begin with {@code word} (at least {@value #MIN_PREFIX} letters).
 *
 * <p>A colon that does not follow a known field name is ordinary punctuation, so
 * {@code Dijon: 11 condamnations} and {@code Isaac:Rebirth} are searched as words. A hyphen inside a
 * word is part of it ({@code Royaume-Uni}).
 *
 * <p>Errors name the problem and its 1-based position: {@code "Bamako} fails with
 * {@code unclosed quote " at position 1}.
 *
 * <p>Stateless and thread-safe.
 */
public final class QueryParser {
  /** The fewest letters a prefix ({@code mil*}) may have. */
  public static final int MIN_PREFIX = 3;

  private QueryParser() {}

  /**
   * Parses a query.
   *
   * @throws QuerySyntaxException when the query is empty, has an unclosed quote, a lone {@code -} or
   *     {@code OR}, an empty {@code title:} prefix, a prefix shorter than {@value #MIN_PREFIX}
   *     letters, or excludes without looking for anything
   */
  public static ParsedQuery parse(String query) {
    return new Lexer(query).parse();
  }

  /**
   * Returns the query with its syntax removed, as plain words: the fallback for batch runs whose
   * lines were not written in depeche's syntax.
   */
  public static String plainWords(String query) {
    return query.replaceAll("[\"«»“”]|(?<![\\p{L}\\p{N}])-|\\bOR\\b|(?i)\\b(title|titre|source):", " ")
        .strip();
  }

  private static final class Lexer {
    private final String q;
    private int i;

    Lexer(String q) {
      this.q = q;
    }

    ParsedQuery parse() {
      List<List<Item>> groups = new ArrayList<>();
      List<Item> exclusions = new ArrayList<>();
      List<Item> alternatives = null;
      int orPosition = -1;
      while (true) {
        skipSpace();
        if (i >= q.length()) {
          break;
        }
        int start = i;
        if (startsWithOr()) {
          if (alternatives == null || orPosition >= 0) {
            throw new QuerySyntaxException("'OR' needs a word or phrase on each side", start + 1);
          }
          orPosition = start;
          i += 2;
          continue;
        }
        boolean negated = false;
        if (q.charAt(i) == '-') {
          if (i + 1 >= q.length() || Character.isWhitespace(q.charAt(i + 1))) {
            throw new QuerySyntaxException("'-' must be followed by a word or phrase to exclude", start + 1);
          }
          negated = true;
          i++;
        }
        Item item = item(start);
        if (item == null) {
          continue;
        }
        if (negated) {
          if (orPosition >= 0) {
            throw new QuerySyntaxException("an excluded item cannot follow 'OR'", start + 1);
          }
          exclusions.add(item);
          alternatives = null;
        } else if (orPosition >= 0) {
          alternatives.add(item);
          orPosition = -1;
        } else {
          alternatives = new ArrayList<>();
          alternatives.add(item);
          groups.add(alternatives);
        }
      }
      if (orPosition >= 0) {
        throw new QuerySyntaxException("'OR' needs a word or phrase on each side", orPosition + 1);
      }
      if (groups.isEmpty() && exclusions.isEmpty()) {
        // Also for empty quotes ("", « »): a query that holds nothing is an error, not zero hits.
        throw new QuerySyntaxException("empty query", 1);
      }
      if (groups.isEmpty() && !exclusions.isEmpty()) {
        throw new QuerySyntaxException("nothing to look for, only words to exclude", 1);
      }
      return new ParsedQuery(groups.stream().map(Group::new).toList(), exclusions);
    }

    /** Reads a word or phrase, with an optional field prefix; null when it holds no text. */
    private Item item(int start) {
      Field field = Field.ANY;
      int colon = fieldPrefixEnd();
      if (colon >= 0) {
        field = fieldNamed(q.substring(i, colon));
        i = colon + 1;
        if (i >= q.length() || Character.isWhitespace(q.charAt(i))) {
          throw new QuerySyntaxException("'" + q.substring(start, i).replaceFirst("^-", "")
              + "' must be followed by a word or phrase", start + 1);
        }
      }
      char c = q.charAt(i);
      char close = closingQuote(c);
      if (close != 0) {
        int open = i;
        int end = q.indexOf(close, open + 1);
        if (end < 0) {
          throw new QuerySyntaxException("unclosed quote " + c, open + 1);
        }
        i = end + 1;
        String text = q.substring(open + 1, end).strip();
        return text.isEmpty() ? null : new Item(field, text, true, false, start + 1);
      }
      int from = i;
      while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && closingQuote(q.charAt(i)) == 0) {
        i++;
      }
      String word = q.substring(from, i);
      if (word.endsWith("*") && word.length() > 1) {
        String prefix = word.replaceFirst("\\*+$", "");
        if (prefix.codePointCount(0, prefix.length()) < MIN_PREFIX) {
          throw new QuerySyntaxException("a prefix needs at least " + MIN_PREFIX + " letters before '*': '"
              + word + "'", from + 1);
        }
        return new Item(field, prefix, false, true, start + 1);
      }
      return new Item(field, word, false, false, start + 1);
    }

    /** Returns the index of the colon of a known {@code field:} prefix at i, or -1. */
    private int fieldPrefixEnd() {
      int j = i;
      while (j < q.length() && Character.isLetter(q.charAt(j))) {
        j++;
      }
      if (j == i || j >= q.length() || q.charAt(j) != ':') {
        return -1;
      }
      return fieldNamed(q.substring(i, j)) == null ? -1 : j;
    }

    private static Field fieldNamed(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "title", "titre" -> Field.TITLE;
        case "source" -> Field.SOURCE;
        default -> null;
      };
    }

    private static char closingQuote(char c) {
      return switch (c) {
        case '"' -> '"';
        case '«' -> '»';
        case '“' -> '”';
        default -> 0;
      };
    }

    private boolean startsWithOr() {
      return q.startsWith("OR", i) && (i + 2 == q.length() || Character.isWhitespace(q.charAt(i + 2)));
    }

    private void skipSpace() {
      while (i < q.length() && Character.isWhitespace(q.charAt(i))) {
        i++;
      }
    }
  }
}
