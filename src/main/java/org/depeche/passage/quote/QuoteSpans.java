package org.depeche.passage.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the spans between quotation marks in an article's text, its paragraphs joined by
 * {@code "\n\n"}.
 *
 * <p>{@code « … »} and {@code “ … ”} nest; a straight {@code "} opens a quotation outside one, and
 * inside {@code « … »} opens an inner quotation when a letter follows it ({@code de "l'anti-France"})
 * or else closes the outer one, as writers who mix marks mean it ({@code « … menacé ".}). Any closing
 * mark closes a quotation whatever opened it. A quotation may run over paragraphs, French style: the
 * {@code «} that opens each new paragraph of it is a continuation mark, not a nested quotation. A
 * quotation left open after {@value #MAX_PARAGRAPHS} paragraph breaks, or at the end of the text, is
 * dropped: its opening mark was a stray.
 *
 * <pre>{@code
 * QuoteSpans.find("« Nous partons », a-t-il dit.")  →  [Span(0, 15)]   // the marks included
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
final class QuoteSpans {
  /** The most paragraph breaks a quotation may run over. */
  static final int MAX_PARAGRAPHS = 3;

  /**
   * A quotation: {@code start} is its opening mark, {@code end} is just after its closing mark;
   * {@code text} is what lies between, trimmed, paragraph breaks and continuation marks made one
   * space.
   */
  record Span(int start, int end, String text) {}

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern BREAK = Pattern.compile("\\s*\\n\\s*[«“]?\\s*");

  private QuoteSpans() {}

  static List<Span> find(String text) {
    List<Span> spans = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '«' || c == '“' || c == '"') {
        Span span = close(text, i);
        if (span != null) {
          spans.add(span);
          i = span.end();
          continue;
        }
      }
      i++;
    }
    return spans;
  }

  /** The words between the marks, trimmed, with paragraph breaks and continuation marks made one space. */
  private static String content(String text, int from, int to, boolean breaks) {
    String inner = text.substring(from, to);
    if (breaks) {
      inner = BREAK.matcher(inner).replaceAll(" ");
    }
    inner = inner.strip();
    for (int k = 0; k < inner.length(); k++) {
      char c = inner.charAt(k);
      if (Character.isWhitespace(c) && (c != ' ' || k + 1 < inner.length() && Character.isWhitespace(inner.charAt(k + 1)))) {
        return SPACES.matcher(inner).replaceAll(" ");
      }
    }
    return inner;
  }

  /** Returns the quotation opened at {@code open}, or null when it is not closed in time. */
  private static Span close(String text, int open) {
    char opener = text.charAt(open);
    int n = text.length();
    int depth = 1;
    boolean innerStraight = false;
    int breaks = 0;
    int i = open + 1;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        int next = i;
        while (next < n && Character.isWhitespace(text.charAt(next))) {
          next++;
        }
        if (++breaks > MAX_PARAGRAPHS) {
          return null;
        }
        if (next < n && text.charAt(next) == opener && opener != '"') {
          next++;
        }
        i = next;
        continue;
      }
      if (c == '«' || c == '“') {
        depth++;
      } else if (c == '»' || c == '”') {
        if (--depth == 0) {
          return new Span(open, i + 1, content(text, open + 1, i, breaks > 0));
        }
      } else if (c == '"') {
        if (opener == '"' && depth == 1) {
          return new Span(open, i + 1, content(text, open + 1, i, breaks > 0));
        }
        if (innerStraight) {
          innerStraight = false;
        } else if (i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
          innerStraight = true;
        } else if (depth == 1) {
          return new Span(open, i + 1, content(text, open + 1, i, breaks > 0));
        }
      }
      i++;
    }
    return null;
  }
}
