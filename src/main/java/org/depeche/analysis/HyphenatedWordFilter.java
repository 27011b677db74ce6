package org.depeche.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Splits a hyphenated word into its parts at consecutive positions, and adds the parts written
 * together at the first part's position, spanning all of them.
 *
 * <p>The word arrives whole, with {@link #JOINER} where the text had a hyphen: {@link
 * FrenchNewsAnalyzer} maps hyphens to {@code _} before tokenizing, because the standard tokenizer
 * keeps {@code _} inside words and drops hyphens without a trace. So {@code "Royaume_Uni"} gives
 *
 * <pre>
 *   royaumeuni  position 0, length 2   (findable when typed "RoyaumeUni" or "royaume uni")
 *   Royaume     position 0
 *   Uni         position 1
 * </pre>
 *
 * <p>Three exceptions keep junk out of the index:
 *
 * <ul>
 *   <li>the euphonic {@code t} of an inversion is dropped and takes no position: {@code "a_t_il"}
 *       gives {@code a}, {@code il} at consecutive positions;
 *   <li>an inversion — a last part that is a subject or object pronoun, as in {@code "dit-il"},
 *       {@code "a-t-on"}, {@code "allez-y"} — gets no joined form ({@code "ditil"} is no word);
 *   <li>words without letters, as in {@code "2020-2021"} or {@code "14-18"}, get no joined form
 *       either.
 * </ul>
 *
 * <p>Parts get exact offsets when the token's offsets span exactly its characters (no char filter
 * changed its length); otherwise every part keeps the offsets of the whole word.
 *
 * <p>Like every {@link TokenStream}, an instance serves one thread at a time.
 */
final class HyphenatedWordFilter extends TokenFilter {
  /** The character that stands for a hyphen inside a token. */
  static final char JOINER = '_';

  /** Pronouns that end a verb–pronoun inversion, lower case. */
  static final Set<String> INVERSION_PRONOUNS =
      Set.of(
          "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce", "moi", "toi", "le",
          "la", "les", "lui", "leur", "y", "en");

  private record Piece(String term, int start, int end, int positionIncrement, int positionLength) {}

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);

  private final List<Piece> pending = new ArrayList<>();
  private int next;
  private AttributeSource.State word;
  private int skippedPositions;

  HyphenatedWordFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (next < pending.size()) {
      emit(pending.get(next++));
      return true;
    }
    while (input.incrementToken()) {
      int positionIncrement = posIncAtt.getPositionIncrement() + skippedPositions;
      skippedPositions = 0;
      if (termAtt.toString().indexOf(JOINER) < 0) {
        posIncAtt.setPositionIncrement(positionIncrement);
        return true;
      }
      split(positionIncrement);
      if (!pending.isEmpty()) {
        word = captureState();
        emit(pending.get(next++));
        return true;
      }
      // Only joiners, like a lone "_": nothing to index, but the position stays counted.
      skippedPositions = positionIncrement;
    }
    return false;
  }

  private void split(int positionIncrement) {
    pending.clear();
    next = 0;
    String term = termAtt.toString();
    int start = offsetAtt.startOffset();
    int end = offsetAtt.endOffset();
    boolean exactOffsets = end - start == term.length();

    List<String> all = List.of(term.split(String.valueOf(JOINER), -1));
    List<String> parts = new ArrayList<>();
    List<Integer> partStarts = new ArrayList<>();
    int from = 0;
    for (int k = 0; k < all.size(); k++) {
      String part = all.get(k);
      boolean euphonicT =
          k > 0
              && k + 1 < all.size()
              && part.equalsIgnoreCase("t")
              && INVERSION_PRONOUNS.contains(all.get(k + 1).toLowerCase(Locale.ROOT));
      if (!part.isEmpty() && !euphonicT) {
        parts.add(part);
        partStarts.add(from);
      }
      from += part.length() + 1;
    }
    if (parts.isEmpty()) {
      return;
    }
    boolean inversion =
        parts.size() > 1 && INVERSION_PRONOUNS.contains(parts.getLast().toLowerCase(Locale.ROOT));
    boolean numbersOnly = !anyLetter(parts);
    if (parts.size() > 1 && !inversion && !numbersOnly) {
      int joinedEnd = partStarts.getLast() + parts.getLast().length();
      pending.add(
          new Piece(
              String.join("", parts),
              exactOffsets ? start + partStarts.getFirst() : start,
              exactOffsets ? start + joinedEnd : end,
              positionIncrement,
              parts.size()));
      positionIncrement = 0;
    }
    for (int k = 0; k < parts.size(); k++) {
      int partStart = partStarts.get(k);
      pending.add(
          new Piece(
              parts.get(k),
              exactOffsets ? start + partStart : start,
              exactOffsets ? start + partStart + parts.get(k).length() : end,
              k == 0 ? positionIncrement : 1,
              1));
    }
  }

  /** Whether a part holds a letter: a loop, not a stream, in this per-token path (the JIT's cost). */
  private static boolean anyLetter(List<String> parts) {
    for (String part : parts) {
      for (int i = 0; i < part.length(); i++) {
        if (Character.isLetter(part.charAt(i))) {
          return true;
        }
      }
    }
    return false;
  }

  private void emit(Piece piece) {
    restoreState(word);
    termAtt.setEmpty().append(piece.term());
    offsetAtt.setOffset(piece.start(), piece.end());
    posIncAtt.setPositionIncrement(piece.positionIncrement());
    posLenAtt.setPositionLength(piece.positionLength());
  }

  @Override
  public void end() throws IOException {
    super.end();
    posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + skippedPositions);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    next = 0;
    word = null;
    skippedPositions = 0;
  }
}
