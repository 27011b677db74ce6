package org.depeche.passage.quote;

/**
 * Finds the words of a text one after another, as {@code Matcher.find} did with the regular
 * expression {@code [\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*}: letters and digits, with apostrophes
 * inside ({@code aujourd'hui}, {@code l’État}), and the same offsets to the char.
 *
 * <pre>{@code
 * Words w = new Words("« Oui », a-t-il dit.");   // w.find() → "Oui", "a", "t", "il", "dit"
 * }</pre>
 *
 * <p>Hand-written because the quotation finder reads words in every clause around a quotation: the
 * regular expression's engine was most of the code the JIT compiled for it. Not thread-safe.
 */
final class Words {
  private final String text;
  private int start = -1;
  private int end;

  Words(String text) {
    this.text = text;
  }

  /** Finds the next word after the last one found; returns false when there is none. */
  boolean find() {
    int n = text.length();
    int i = end;
    while (i < n && !isWordChar(text.codePointAt(i))) {
      i++;
    }
    if (i >= n) {
      start = -1;
      end = n;
      return false;
    }
    int k = skipWordChars(i);
    while (k + 1 < n && (text.charAt(k) == '\'' || text.charAt(k) == '’') && isWordChar(text.codePointAt(k + 1))) {
      k = skipWordChars(k + 1);
    }
    start = i;
    end = k;
    return true;
  }

  /** The offset of the word found. */
  int start() {
    return start;
  }

  /** The offset just after the word found. */
  int end() {
    return end;
  }

  /** The word found. */
  String group() {
    return text.substring(start, end);
  }

  private int skipWordChars(int from) {
    int k = from;
    while (k < text.length()) {
      int c = text.codePointAt(k);
      if (!isWordChar(c)) {
        break;
      }
      k += Character.charCount(c);
    }
    return k;
  }

  /** {@code \s} of a regular expression: the six ASCII spaces. */
  static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** {@code \p{L}} or {@code \p{N}}: a letter, or a digit, letter-like or other number. */
  private static boolean isWordChar(int c) {
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }
}
