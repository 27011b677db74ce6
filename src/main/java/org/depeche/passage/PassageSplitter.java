package org.depeche.passage;

import java.util.ArrayList;
import java.util.List;
import org.depeche.Article;

/**
 * Cuts an article into {@link Passage}s: each paragraph is a passage, and a paragraph of more than
 * {@code maxWords} words is cut at sentence ends.
 *
 * <pre>{@code
 * Article a = Article.builder("mali.txt").text("Court.\n\n" + aParagraphOf300Words).build();
 * PassageSplitter.split(a)
 *     → [mali.txt#0 "Court.", mali.txt#1 (≈100 words), mali.txt#2 (≈100 words), mali.txt#3 (≈100 words)]
 * }</pre>
 *
 * <p>A long paragraph is cut into the fewest pieces of whole sentences of at most {@code maxWords}
 * words, and among those into the most even ones, so no tiny last piece is left when it can be
 * avoided: 130 words in sentences of 10 give 70 + 60, not 120 + 10. A sentence longer than {@code
 * maxWords} stays whole, unless it is longer than {@code 4 × maxWords} (a list, a transcript, a text
 * without punctuation): then it is cut at spaces into even pieces of at most {@code maxWords} words.
 *
 * <p>Words are runs of non-whitespace characters. Each passage is the paragraph's text from the
 * start of its first sentence to the end of its last, unchanged; the passages of a paragraph, joined
 * with spaces, give the paragraph back modulo whitespace. Passages are numbered from 0 in reading
 * order across the whole article.
 *
 * <p>This class is stateless and safe to use from any number of threads.
 */
public final class PassageSplitter {

  /** The default greatest number of words in a passage cut from a long paragraph: {@value}. */
  public static final int DEFAULT_MAX_WORDS = 120;

  /** How many times {@code maxWords} a single sentence may reach before it is cut at spaces. */
  private static final int MAX_SENTENCE_FACTOR = 4;

  private PassageSplitter() {}

  /** Returns the passages of {@code article} with {@link #DEFAULT_MAX_WORDS}. */
  public static List<Passage> split(Article article) {
    return split(article, DEFAULT_MAX_WORDS);
  }

  /**
   * Returns the passages of {@code article}, cutting paragraphs longer than {@code maxWords} words.
   *
   * @throws IllegalArgumentException when {@code maxWords} is less than 1
   */
  public static List<Passage> split(Article article, int maxWords) {
    if (maxWords < 1) {
      throw new IllegalArgumentException("maxWords must be at least 1, not " + maxWords);
    }
    List<Passage> out = new ArrayList<>();
    for (String paragraph : article.paragraphs()) {
      for (String text : cut(paragraph, maxWords)) {
        out.add(new Passage(article.id(), out.size(), text));
      }
    }
    return out;
  }

  /** Cuts one paragraph into pieces of whole sentences of at most {@code maxWords} words. */
  static List<String> cut(String paragraph, int maxWords) {
    String text = paragraph.strip();
    // A word and the space after it take two characters: a short paragraph need not be counted.
    if ((text.length() + 1) / 2 <= maxWords || countWords(text, 0, text.length()) <= maxWords) {
      return List.of(text);
    }
    int[] units = units(text, maxWords);
    int count = units.length / 2;
    int[] words = new int[count];
    for (int u = 0; u < count; u++) {
      words[u] = countWords(text, units[2 * u], units[2 * u + 1]);
    }
    int[] firstOfLast = pack(words, maxWords);
    List<String> out = new ArrayList<>();
    cutAt(text, units, firstOfLast, count, out);
    return out;
  }

  /** Appends, in order, the pieces ending at unit {@code end} (exclusive). */
  private static void cutAt(String text, int[] units, int[] firstOfLast, int end, List<String> out) {
    int[] ends = new int[end];
    int pieces = 0;
    for (int e = end; e > 0; e = firstOfLast[e]) {
      ends[pieces++] = e;
    }
    int from = 0;
    for (int p = pieces - 1; p >= 0; p--) {
      int to = ends[p];
      out.add(text.substring(units[2 * from], units[2 * to - 1]));
      from = to;
    }
  }

  /**
   * Groups consecutive units into pieces: fewest pieces first, then least sum of squared piece
   * sizes, which makes them even. A piece holds at most {@code maxWords} words, or one unit.
   *
   * <p>Returns {@code firstOfLast}: for each {@code i}, the first unit of the last piece in the best
   * grouping of units {@code [0, i)}. Runs in O(units × maxWords).
   */
  private static int[] pack(int[] words, int maxWords) {
    int n = words.length;
    int[] pieces = new int[n + 1];
    long[] squares = new long[n + 1];
    int[] firstOfLast = new int[n + 1];
    for (int i = 1; i <= n; i++) {
      pieces[i] = Integer.MAX_VALUE;
      long size = 0;
      for (int j = i - 1; j >= 0; j--) {
        size += words[j];
        if (size > maxWords && j < i - 1) {
          break;
        }
        int p = pieces[j] + 1;
        long sq = squares[j] + size * size;
        if (p < pieces[i] || (p == pieces[i] && sq < squares[i])) {
          pieces[i] = p;
          squares[i] = sq;
          firstOfLast[i] = j;
        }
      }
    }
    return firstOfLast;
  }

  /**
   * Returns the units to pack, as offsets {@code [start0, end0, ...]}: the sentences, with those
   * longer than {@code MAX_SENTENCE_FACTOR × maxWords} words cut at spaces into even pieces.
   */
  private static int[] units(String text, int maxWords) {
    int[] sentences = SentenceSplitter.spans(text);
    SentenceSplitter.IntList out = new SentenceSplitter.IntList();
    for (int s = 0; s < sentences.length; s += 2) {
      int start = sentences[s];
      int end = sentences[s + 1];
      int words = countWords(text, start, end);
      if (words <= MAX_SENTENCE_FACTOR * maxWords) {
        out.add(start);
        out.add(end);
        continue;
      }
      int pieces = (words + maxWords - 1) / maxWords;
      int word = 0;
      int pieceStart = start;
      int piece = 1;
      boolean inWord = false;
      for (int k = start; k < end; k++) {
        boolean space = SentenceSplitter.isSpace(text.charAt(k));
        if (!space && !inWord) {
          // This word starts; close the current piece first when it is full.
          if (word == (long) words * piece / pieces) {
            out.add(pieceStart);
            out.add(trimEnd(text, pieceStart, k));
            piece++;
            pieceStart = k;
          }
          word++;
        }
        inWord = !space;
      }
      out.add(pieceStart);
      out.add(end);
    }
    return out.toArray();
  }

  private static int trimEnd(String text, int start, int end) {
    int e = end;
    while (e > start && SentenceSplitter.isSpace(text.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  /** Counts the runs of non-whitespace characters in {@code text[start, end)}. */
  static int countWords(String text, int start, int end) {
    int words = 0;
    boolean inWord = false;
    for (int k = start; k < end; k++) {
      boolean space = SentenceSplitter.isSpace(text.charAt(k));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }
}
