package org.depeche.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.depeche.analysis.UnstemmedTermAttribute;

/**
 * The tokens of an article's passages, recorded as the index's analyzer gives them for {@link
 * Schema#TEXT} while the passage documents are indexed, and replayed for the article's {@link
 * Schema#ARTICLE_TEXT}, which holds the same passages one after the other: each passage is analyzed
 * once instead of twice.
 *
 * <p>The replay gives what analyzing the passages joined by {@code "\n\n"} would give: the same
 * terms, positions following on from passage to passage (the positions a passage's trailing stop
 * words leave go to the next passage's first token, as they would in one text), and offsets into
 * the joined text. That holds for any analyzer whose tokens never span a blank line and whose
 * filters report skipped trailing positions in {@code end()}, as Lucene's do; {@code
 * SchemaPostingsTest} checks the postings on the shipped corpus. Term, position increment and
 * offsets are all an analyzer without payloads or term frequencies gives the index.
 *
 * <pre>{@code
 * TokenTape tape = new TokenTape();
 * passageDoc.add(tape.field(Schema.TEXT, passage.text()));   // recorded when indexed, per passage
 * passageDoc.add(tape.words(Schema.WORDS, passage.text(), wordsType));   // then its words replayed
 * int[] lengths = passages.stream().mapToInt(p -> p.text().length()).toArray();
 * articleDoc.add(new TextField(Schema.ARTICLE_TEXT, tape.replay(lengths)));   // indexed after them
 * }</pre>
 *
 * <p>When the analyzer's tokens carry their {@linkplain UnstemmedTermAttribute unstemmed term}, the
 * tape also keeps the unstemmed terms of the last passage recorded, for its {@link Schema#WORDS}
 * ({@link #words}): the words a second, unstemmed analysis of the passage would give, each once.
 * {@code WORDS} indexes documents only, so a word given twice to one document costs Lucene a full
 * token (its UTF-8 bytes, a hash, a probe of the field's whole term table) for nothing: the tape
 * keeps each word of a passage once, and {@link #otherWords} leaves out of the title's words those
 * of the passage (about a tenth of {@code WORDS}' tokens on OrangeSum).
 *
 * <p>Not thread-safe: the documents of one article are indexed by one thread, in order.
 */
final class TokenTape {
  private char[] chars = new char[4096];
  private int charCount;
  private int[] termEnds = new int[512];
  private int[] increments = new int[512];
  private int[] starts = new int[512];
  private int[] ends = new int[512];
  private int tokens;
  /** Per passage recorded: the index of its first token past the end, and its end()'s increment. */
  private int[] passageEnds = new int[16];
  private int[] endIncrements = new int[16];
  private int passages;
  /** How many fields {@link #field} made: the next one's passage number in the recording. */
  private int fieldsMade;
  /**
   * The distinct unstemmed terms of the passage recorded {@code wordsOf}-th, or -1 (none, or not
   * whole), and a table of them: {@code wordSlots} holds a word's index + 1, 0 for an empty slot,
   * and is at most half full.
   */
  private char[] words = new char[1024];
  private int[] wordEnds = new int[128];
  private int wordCount;
  private int[] wordSlots = new int[256];
  private int wordsOf = -1;

  /** Returns a field of {@code text} analyzed as {@code name}, whose tokens this tape records. */
  Field field(String name, String text) {
    fieldsMade++;
    return new Field(name, text, TextField.TYPE_NOT_STORED) {
      @Override
      public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        return new Tap(super.tokenStream(analyzer, reuse));
      }
    };
  }

  /**
   * Returns a field of {@code text}'s unstemmed words, of {@code type} (which must not index
   * positions): the unstemmed terms recorded with the field of {@link #field} made just before it,
   * for the same text and indexed just before it, in the same document; or, when the analyzer gave
   * none, {@code text} analyzed as {@code name}.
   */
  Field words(String name, String text, FieldType type) {
    int passage = fieldsMade - 1;
    return new Field(name, text, type) {
      @Override
      public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        return wordsOf == passage ? new Words() : super.tokenStream(analyzer, reuse);
      }
    };
  }

  /**
   * Returns a field of {@code tokens}' terms, of {@code type} (which must not index positions),
   * less the words of the field of {@link #words} made just before it for the same document, when
   * that field gave the recorded words; else all of them.
   */
  Field otherWords(String name, TokenStream tokens, FieldType type) {
    int passage = fieldsMade - 1;
    return new Field(name, new Unless(tokens, passage), type);
  }

  /**
   * Returns the tokens recorded, replayed as one text: the texts of {@code lengths.length} fields,
   * of these lengths, in the order they were recorded, each followed by {@code "\n\n"}.
   *
   * @throws IllegalStateException on reset, when not every field was recorded
   */
  TokenStream replay(int[] lengths) {
    return new Replay(lengths);
  }

  private void record(char[] term, int length, int increment, int start, int end) {
    if (tokens == termEnds.length) {
      int n = tokens * 2;
      termEnds = Arrays.copyOf(termEnds, n);
      increments = Arrays.copyOf(increments, n);
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
    }
    if (charCount + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + length));
    }
    System.arraycopy(term, 0, chars, charCount, length);
    charCount += length;
    termEnds[tokens] = charCount;
    increments[tokens] = increment;
    starts[tokens] = start;
    ends[tokens] = end;
    tokens++;
  }

  /** Keeps the word unless the passage already gave it. */
  private void recordWord(char[] term, int length) {
    int slot = slotOf(term, length);
    if (wordSlots[slot] != 0) {
      return;
    }
    if (wordCount == wordEnds.length) {
      wordEnds = Arrays.copyOf(wordEnds, wordCount * 2);
    }
    int from = wordCount == 0 ? 0 : wordEnds[wordCount - 1];
    if (from + length > words.length) {
      words = Arrays.copyOf(words, Math.max(words.length * 2, from + length));
    }
    System.arraycopy(term, 0, words, from, length);
    wordEnds[wordCount++] = from + length;
    wordSlots[slot] = wordCount;
    if (2 * wordCount > wordSlots.length) {
      growSlots();
    }
  }

  /** Returns the slot of the word in {@code wordSlots}: the word's, or the empty one it would take. */
  private int slotOf(char[] term, int length) {
    int mask = wordSlots.length - 1;
    for (int slot = hash(term, 0, length) & mask; ; slot = (slot + 1) & mask) {
      int word = wordSlots[slot] - 1;
      if (word < 0) {
        return slot;
      }
      int from = word == 0 ? 0 : wordEnds[word - 1];
      if (Arrays.equals(words, from, wordEnds[word], term, 0, length)) {
        return slot;
      }
    }
  }

  private void growSlots() {
    wordSlots = new int[wordSlots.length * 2];
    int mask = wordSlots.length - 1;
    for (int word = 0; word < wordCount; word++) {
      int from = word == 0 ? 0 : wordEnds[word - 1];
      int slot = hash(words, from, wordEnds[word]) & mask;
      while (wordSlots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      wordSlots[slot] = word + 1;
    }
  }

  private static int hash(char[] chars, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + chars[i];
    }
    return hash ^ hash >>> 16;
  }

  private void clearWords() {
    if (wordCount > 0) {
      Arrays.fill(wordSlots, 0);
      wordCount = 0;
    }
  }

  private void recordEnd(int increment) {
    if (passages == passageEnds.length) {
      passageEnds = Arrays.copyOf(passageEnds, passages * 2);
      endIncrements = Arrays.copyOf(endIncrements, passages * 2);
    }
    passageEnds[passages] = tokens;
    endIncrements[passages] = increment;
    passages++;
  }

  /** Passes the analyzer's tokens through, recording each, and the end. */
  private final class Tap extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final UnstemmedTermAttribute unstemmed;

    Tap(TokenStream input) {
      super(input);
      unstemmed = hasAttribute(UnstemmedTermAttribute.class) ? getAttribute(UnstemmedTermAttribute.class) : null;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      wordsOf = -1;
      clearWords();
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      record(term.buffer(), term.length(), increment.getPositionIncrement(), offset.startOffset(),
          offset.endOffset());
      if (unstemmed != null) {
        recordWord(unstemmed.buffer(), unstemmed.length());
      }
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      if (unstemmed != null) {
        wordsOf = passages;
      }
      recordEnd(increment.getPositionIncrement());
    }
  }

  /**
   * The unstemmed terms of the last passage recorded, one position apart: the field they go to
   * indexes no positions.
   */
  private final class Words extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private int next;

    @Override
    public void reset() {
      next = 0;
    }

    @Override
    public boolean incrementToken() {
      if (next == wordCount) {
        return false;
      }
      clearAttributes();
      int from = next == 0 ? 0 : wordEnds[next - 1];
      term.copyBuffer(words, from, wordEnds[next] - from);
      increment.setPositionIncrement(1);
      next++;
      return true;
    }
  }

  /** The tokens of a stream, less the words recorded for the passage {@code passage}. */
  private final class Unless extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final int passage;
    private boolean skipping;

    Unless(TokenStream input, int passage) {
      super(input);
      this.passage = passage;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      skipping = wordsOf == passage;
    }

    @Override
    public boolean incrementToken() throws IOException {
      while (input.incrementToken()) {
        if (!skipping || wordSlots[slotOf(term.buffer(), term.length())] == 0) {
          return true;
        }
      }
      return false;
    }
  }

  /** The recorded tokens as one text. */
  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final int[] lengths;
    private int next;
    private int passage;
    private int shift;
    private int carried;

    Replay(int[] lengths) {
      this.lengths = lengths;
    }

    @Override
    public void reset() {
      if (passages != lengths.length) {
        throw new IllegalStateException("replay of " + lengths.length + " texts, " + passages + " recorded");
      }
      next = 0;
      passage = 0;
      shift = 0;
      carried = 0;
    }

    @Override
    public boolean incrementToken() {
      while (passage < passages && next == passageEnds[passage]) {
        carried += endIncrements[passage];
        shift += lengths[passage] + 2;
        passage++;
      }
      if (next == tokens) {
        return false;
      }
      clearAttributes();
      int from = next == 0 ? 0 : termEnds[next - 1];
      term.copyBuffer(chars, from, termEnds[next] - from);
      increment.setPositionIncrement(increments[next] + carried);
      offset.setOffset(starts[next] + shift, ends[next] + shift);
      carried = 0;
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      while (passage < passages) {
        carried += endIncrements[passage];
        shift += lengths[passage] + 2;
        passage++;
      }
      increment.setPositionIncrement(carried);
      offset.setOffset(shift, shift);
    }
  }
}
