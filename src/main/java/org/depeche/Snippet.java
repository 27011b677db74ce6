package org.depeche;

import java.util.List;

/**
 * A piece of a passage's text with the places where the query matched, as data: how it is shown
 * ({@code <em>} tags, terminal bold, plain text) is up to the caller.
 *
 * <pre>{@code
 * Snippet s = new Snippet("… incombe à Bamako", List.of(new Snippet.Match(11, 17)));
 * s.toHtml();   // "… incombe à <em>Bamako</em>"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the text shown; an ellipsis {@code …} marks where the passage was cut
 * @param matches the matched spans in {@code text}, in order, not overlapping
 */
public record Snippet(String text, List<Match> matches) {

  /** Checks the spans and copies the list. */
  public Snippet {
    matches = List.copyOf(matches);
    int last = 0;
    for (Match m : matches) {
      if (m.start() < last || m.end() > text.length() || m.start() >= m.end()) {
        throw new IllegalArgumentException("bad or overlapping match " + m + " in snippet");
      }
      last = m.end();
    }
  }

  /**
   * A matched span.
   *
   * @param start the offset of its first character in the snippet text
   * @param end the offset just past its last character
   */
  public record Match(int start, int end) {}

  /**
   * Returns the text with each match wrapped in {@code <em>…</em>}; {@code <}, {@code >} and
   * {@code &} of the text are escaped so that the result is safe HTML.
   */
  public String toHtml() {
    return render("<em>", "</em>", true);
  }

  /** Returns the text with each match wrapped in the given marks, unescaped. */
  public String render(String open, String close) {
    return render(open, close, false);
  }

  private String render(String open, String close, boolean escape) {
    StringBuilder out = new StringBuilder(text.length() + matches.size() * (open.length() + close.length()));
    int at = 0;
    for (Match m : matches) {
      append(out, text, at, m.start(), escape);
      out.append(open);
      append(out, text, m.start(), m.end(), escape);
      out.append(close);
      at = m.end();
    }
    append(out, text, at, text.length(), escape);
    return out.toString();
  }

  private static void append(StringBuilder out, String s, int from, int to, boolean escape) {
    if (!escape) {
      out.append(s, from, to);
      return;
    }
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> out.append(c);
      }
    }
  }

  /** Returns the plain text. */
  @Override
  public String toString() {
    return text;
  }
}
