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
import org.apache.lucene.document.TextField;

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
 * int[] lengths = passages.stream().mapToInt(p -> p.text().length()).toArray();
 * articleDoc.add(new TextField(Schema.ARTICLE_TEXT, tape.replay(lengths)));   // indexed after them
 * }</pre>
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

  /** Returns a field of {@code text} analyzed as {@code name}, whose tokens this tape records. */
  Field field(String name, String text) {
    return new Field(name, text, TextField.TYPE_NOT_STORED) {
      @Override
      public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        return new Tap(super.tokenStream(analyzer, reuse));
      }
    };
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

    Tap(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      record(term.buffer(), term.length(), increment.getPositionIncrement(), offset.startOffset(),
          offset.endOffset());
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      recordEnd(increment.getPositionIncrement());
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
