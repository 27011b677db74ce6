package org.depeche.passage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits French text into sentences.
 *
 * <p>A sentence ends at {@code .}, {@code !}, {@code ?} or {@code …} (or a run of them, with any
 * closing quotes or brackets after it) when whitespace follows and then something that can start a
 * sentence: an upper-case letter, a digit or an opening quote or bracket.
 *
 * <pre>{@code
 * SentenceSplitter.split("M. Heappey l'a dit. « Nous partons ! » Le pays est instable.")
 *     → ["M. Heappey l'a dit.", "« Nous partons ! »", "Le pays est instable."]
 * }</pre>
 *
 * <p>It does not cut:
 *
 * <ul>
 *   <li>when a lower-case word follows ({@code « Je ne sais pas… » a-t-il soupiré});
 *   <li>after initials and titles ({@code J. R. R. Tolkien}, {@code F. Hollande}, {@code M.},
 *       {@code MM.}, {@code Mme.}, {@code Dr.}, {@code St.}, {@code av. J.-C.});
 *   <li>after an abbreviation that comes before a number ({@code p. 12}, {@code art. 3},
 *       {@code n. 5});
 *   <li>where no whitespace follows: numbers ({@code 3.5}, {@code 1.000}), URLs, e-mail addresses;
 *   <li>after an elision mark ({@code (...) }, {@code […]});
 *   <li>inside a quotation in « », “ ” or straight double quotes whose closing quote is found: the
 *       quotation stays in one sentence with its attribution ({@code « Nous partons. Tous. »,
 *       a-t-il dit.} is one sentence). A quote that is never closed protects nothing.
 * </ul>
 *
 * <p>A single upper-case letter followed by a dot is always taken as an initial, so {@code la
 * vitamine D. Elle} is not cut; {@code etc.} is not an abbreviation here, so {@code etc. Le} is.
 *
 * <p>This class is stateless and safe to use from any number of threads.
 */
public final class SentenceSplitter {

  /** Words that are abbreviations before any word: titles and the like ({@code M. Dupont}). */
  private static final Set<String> TITLES =
      Set.of(
          "m", "mm", "mme", "mmes", "mlle", "mlles", "mgr", "me", "dr", "pr", "st", "ste", "cie",
          "av", "apr", "cf", "ibid", "op", "cit");

  /** Words that are abbreviations before a number ({@code p. 12}), and may end a sentence else. */
  private static final Set<String> NUMBERED =
      Set.of("p", "pp", "n", "no", "nos", "vol", "chap", "art", "fig", "t", "env", "ch", "al");

  private SentenceSplitter() {}

  /**
   * Returns the sentences of {@code text} in order, each stripped of surrounding whitespace.
   *
   * <p>Each sentence is a substring of {@code text}; joined with single spaces they give back
   * {@code text} modulo whitespace between sentences. Blank text gives an empty list.
   */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int[] spans = spans(text);
    for (int i = 0; i < spans.length; i += 2) {
      out.add(text.substring(spans[i], spans[i + 1]));
    }
    return out;
  }

  /**
   * Returns the sentences of {@code text} as offsets {@code [start0, end0, start1, end1, ...]}; each
   * span starts and ends on a non-whitespace character (end exclusive).
   */
  static int[] spans(String text) {
    int n = text.length();
    int[] quoted = quotations(text);
    IntList out = new IntList();
    int start = skipSpace(text, 0);
    // The scan for the next terminator is a method of its own: the loop here then turns once per
    // terminator, not per character, and the JIT compiles this method once instead of again and
    // again on-stack while it runs over long texts.
    for (int i = nextTerminator(text, start); i < n; i = nextTerminator(text, i + 1)) {
      int runStart = i;
      int runEnd = i;
      while (runEnd < n && isTerminator(text.charAt(runEnd))) {
        runEnd++;
      }
      i = runEnd - 1;
      int end = skipClosers(text, runEnd);
      if (end >= n || !isSpace(text.charAt(end))) {
        continue;
      }
      int next = skipSpace(text, end);
      if (next >= n || !startsSentence(text.charAt(next))) {
        continue;
      }
      if (runStart > 0 && (text.charAt(runStart - 1) == '(' || text.charAt(runStart - 1) == '[')) {
        continue;
      }
      if (runEnd - runStart == 1
          && text.charAt(runStart) == '.'
          && isAbbreviation(text, runStart, Character.isDigit(text.charAt(next)))) {
        continue;
      }
      if (insideQuotation(quoted, end)) {
        continue;
      }
      out.add(start);
      out.add(end);
      start = next;
    }
    int last = n;
    while (last > start && isSpace(text.charAt(last - 1))) {
      last--;
    }
    if (last > start) {
      out.add(start);
      out.add(last);
    }
    return out.toArray();
  }

  /** The offset of the first terminator at or after {@code from}, or the text's length. */
  private static int nextTerminator(String text, int from) {
    int n = text.length();
    int i = from;
    while (i < n && !isTerminator(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isTerminator(char c) {
    return c == '.' || c == '!' || c == '?' || c == '…';
  }

  /** Skips closing quotes and brackets after a terminator; » and ” may come after a space. */
  private static int skipClosers(String text, int from) {
    int n = text.length();
    int k = from;
    while (k < n) {
      char c = text.charAt(k);
      if (c == '"' || c == ')' || c == ']' || c == '»' || c == '”') {
        k++;
      } else if (isSpace(c)) {
        int m = skipSpace(text, k);
        if (m < n && (text.charAt(m) == '»' || text.charAt(m) == '”')) {
          k = m + 1;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return k;
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c)
        || Character.isTitleCase(c)
        || Character.isDigit(c)
        || c == '«'
        || c == '"'
        || c == '“'
        || c == '('
        || c == '[';
  }

  /** Whether the word before the dot at {@code dot} is an initial or an abbreviation. */
  private static boolean isAbbreviation(String text, int dot, boolean numberFollows) {
    int from = dot;
    while (from > 0 && !isSpace(text.charAt(from - 1))) {
      from--;
    }
    for (int k = dot - 1; k >= from; k--) {
      if (text.charAt(k) == '\'' || text.charAt(k) == '’') {
        from = k + 1;
        break;
      }
    }
    while (from < dot && !Character.isLetter(text.charAt(from))) {
      from++;
    }
    if (from == dot) {
      return false;
    }
    String word = text.substring(from, dot);
    if (word.length() == 1 || isInitials(word)) {
      return true;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    return TITLES.contains(lower) || (numberFollows && NUMBERED.contains(lower));
  }

  /**
   * Whether {@code word} is initials: upper-case letters joined by {@code .} or {@code .-}, as in
   * {@code J}, {@code J.-C}, {@code U.S} (the last dot is the candidate end). Hand-written rather
   * than a regular expression: it runs at every dot followed by a capital.
   */
  static boolean isInitials(String word) {
    int n = word.length();
    int i = 0;
    while (true) {
      if (i >= n) {
        return false;
      }
      int letter = word.codePointAt(i);
      if (Character.getType(letter) != Character.UPPERCASE_LETTER) {
        return false;
      }
      i += Character.charCount(letter);
      if (i == n) {
        return true;
      }
      if (word.charAt(i) != '.') {
        return false;
      }
      i++;
      if (i < n && word.charAt(i) == '-') {
        i++;
      }
    }
  }

  /**
   * Finds the closed quotations, as sorted disjoint pairs {@code [open0, close0, ...]} of the
   * offsets of their quote marks.
   */
  private static int[] quotations(String text) {
    IntList pairs = new IntList();
    int depth = 0;
    int outerOpen = -1;
    int straightOpen = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '«' || c == '“') {
        if (depth++ == 0) {
          outerOpen = i;
        }
      } else if ((c == '»' || c == '”') && depth > 0) {
        if (--depth == 0) {
          pairs.add(outerOpen);
          pairs.add(i);
        }
      } else if (c == '"' && depth == 0) {
        boolean opens =
            (i == 0 || isSpace(text.charAt(i - 1)) || text.charAt(i - 1) == '(')
                && i + 1 < text.length()
                && !isSpace(text.charAt(i + 1));
        if (opens) {
          // A second opener before any closer means the first was a stray quote: start again here.
          straightOpen = i;
        } else if (straightOpen >= 0) {
          pairs.add(straightOpen);
          pairs.add(i);
          straightOpen = -1;
        }
      }
    }
    return merge(pairs.toArray());
  }

  /** Merges sorted-by-close pairs into disjoint pairs sorted by open. */
  private static int[] merge(int[] pairs) {
    int count = pairs.length / 2;
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(pairs[2 * a], pairs[2 * b]));
    IntList out = new IntList();
    for (int idx : order) {
      int open = pairs[2 * idx];
      int close = pairs[2 * idx + 1];
      int size = out.size();
      if (size > 0 && open <= out.get(size - 1)) {
        out.set(size - 1, Math.max(out.get(size - 1), close));
      } else {
        out.add(open);
        out.add(close);
      }
    }
    return out.toArray();
  }

  /** Whether a cut at {@code offset} would fall strictly inside a quotation. */
  private static boolean insideQuotation(int[] quoted, int offset) {
    int lo = 0;
    int hi = quoted.length / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (quoted[2 * mid + 1] < offset) {
        lo = mid + 1;
      } else if (quoted[2 * mid] >= offset) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code c} is white space or a space character ({@code Character.isWhitespace} or
   * {@code isSpaceChar}). Between {@code '!'} and U+167F only U+00A0 is either: the letters,
   * digits and punctuation of French text (the apostrophe ’ and œ included) are told without
   * looking up the Unicode tables, which every passage's scans asked for each character.
   */
  static boolean isSpace(char c) {
    if (c > ' ' && c < '\u1680') {
      return c == '\u00A0';
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static int skipSpace(String text, int from) {
    int k = from;
    while (k < text.length() && isSpace(text.charAt(k))) {
      k++;
    }
    return k;
  }

  /** A growable list of ints, to keep offsets unboxed on long texts. */
  static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return values[i];
    }

    void set(int i, int v) {
      values[i] = v;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
