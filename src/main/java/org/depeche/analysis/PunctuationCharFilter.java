package org.depeche.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Replaces, one character for one, the apostrophes {@code ’ ʼ ‘} by {@code '} and the hyphens
 * {@code - ‐ ‑} by {@link HyphenatedWordFilter#JOINER}, so that the tokenizer keeps elided and
 * hyphenated words whole: {@code "l’État-major"} reads {@code "l'État_major"}.
 *
 * <p>The text keeps its length, so offsets need no correction. Lucene's {@code MappingCharFilter}
 * did the same through a general mapping that can change lengths, at about a tenth of the
 * indexing time; this filter rewrites the characters in the reader's buffer.
 *
 * <p>Like every {@link Reader}, an instance serves one thread at a time.
 */
final class PunctuationCharFilter extends CharFilter {
  PunctuationCharFilter(Reader input) {
    super(input);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int read = input.read(buffer, offset, length);
    for (int i = offset; i < offset + read; i++) {
      buffer[i] = replace(buffer[i]);
    }
    return read;
  }

  @Override
  protected int correct(int offset) {
    return offset;
  }

  /** The character read in place of {@code c}. */
  static char replace(char c) {
    return switch (c) {
      case '\u2019', '\u02BC', '\u2018' -> '\'';
      case '-', '\u2010', '\u2011' -> HyphenatedWordFilter.JOINER;
      default -> c;
    };
  }
}
