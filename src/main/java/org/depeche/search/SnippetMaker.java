package org.depeche.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.depeche.Snippet;
import org.depeche.index.Schema;

/**
 * Makes the snippet of a passage: the passage re-analyzed with the index's analyzer, each token
 * whose term the query looks for marked, and a long passage cut to the window that holds the most
 * distinct matched terms.
 *
 * <p>Passages are short (a paragraph, at most about 120 words), so analyzing one again costs
 * less than storing offsets in the index, and it marks exactly what the analyzer matched:
 * {@code securite} highlights « sécurité », {@code l'ONU} highlights « ONU ».
 *
 * <p>Stateless and thread-safe, given a thread-safe analyzer.
 */
public final class SnippetMaker {
  /** The longest snippet, in characters, before a passage is cut around its matches. */
  public static final int DEFAULT_MAX_CHARS = 320;

  private static final String ELLIPSIS = "…";

  private SnippetMaker() {}

  /** Returns the snippet of {@code text} for a query looking for {@code terms}. */
  public static Snippet snippet(String text, Set<String> terms, Analyzer analyzer, int maxChars) {
    List<int[]> spans = matches(text, terms, analyzer);
    if (text.length() <= maxChars) {
      return new Snippet(text, toMatches(spans, 0, text.length(), 0));
    }
    int[] window = bestWindow(text, spans, maxChars);
    int from = window[0];
    int to = window[1];
    String prefix = from > 0 ? ELLIPSIS + " " : "";
    String suffix = to < text.length() ? " " + ELLIPSIS : "";
    String cut = prefix + text.substring(from, to) + suffix;
    return new Snippet(cut, toMatches(spans, from, to, prefix.length() - from));
  }

  /** The [start, end, term id] of each token whose term is looked for. */
  private static List<int[]> matches(String text, Set<String> terms, Analyzer analyzer) {
    List<int[]> spans = new ArrayList<>();
    if (terms.isEmpty()) {
      return spans;
    }
    List<String> ids = new ArrayList<>(terms);
    try (TokenStream ts = analyzer.tokenStream(Schema.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        if (terms.contains(t)) {
          int start = offset.startOffset();
          int end = offset.endOffset();
          // Stacked tokens (a compound and its parts) share offsets: keep the widest, once.
          if (!spans.isEmpty() && start < spans.getLast()[1]) {
            int[] last = spans.getLast();
            last[1] = Math.max(last[1], end);
            continue;
          }
          spans.add(new int[] {start, end, ids.indexOf(t)});
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return spans;
  }

  /** The [from, to) window of at most maxChars, at word boundaries, with the most distinct terms. */
  private static int[] bestWindow(String text, List<int[]> spans, int maxChars) {
    int bestFrom = 0;
    int bestEnd = 0;
    int bestScore = -1;
    for (int k = 0; k < spans.size(); k++) {
      int from = spans.get(k)[0];
      Set<Integer> seen = new HashSet<>();
      int hits = 0;
      int end = from;
      for (int j = k; j < spans.size() && spans.get(j)[1] <= from + maxChars; j++) {
        seen.add(spans.get(j)[2]);
        hits++;
        end = spans.get(j)[1];
      }
      int score = seen.size() * 1000 + hits;
      if (score > bestScore) {
        bestScore = score;
        bestFrom = from;
        bestEnd = end;
      }
    }
    // Start a little before the first match (at a sentence start when one is near), but never so
    // early that the window loses a match it was chosen for.
    int lead = Math.min(maxChars / 4, Math.max(0, maxChars - (bestEnd - bestFrom)));
    int from = Math.max(0, bestFrom - lead);
    int sentence = Math.max(text.lastIndexOf(". ", bestFrom), text.lastIndexOf("« ", bestFrom));
    if (sentence >= from) {
      from = sentence + 2;
    } else {
      from = wordStart(text, from);
    }
    int to = Math.min(text.length(), from + maxChars);
    if (to < text.length()) {
      int space = text.lastIndexOf(' ', to);
      if (space >= bestEnd) {
        to = space;
      }
    }
    return new int[] {from, to};
  }

  private static int wordStart(String text, int at) {
    if (at == 0) {
      return 0;
    }
    int space = text.indexOf(' ', at);
    return space < 0 ? at : space + 1;
  }

  private static List<Snippet.Match> toMatches(List<int[]> spans, int from, int to, int shift) {
    List<Snippet.Match> out = new ArrayList<>();
    for (int[] s : spans) {
      if (s[0] >= from && s[1] <= to) {
        out.add(new Snippet.Match(s[0] + shift, s[1] + shift));
      }
    }
    return out;
  }
}
