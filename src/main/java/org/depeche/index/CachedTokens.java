package org.depeche.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;
import org.depeche.analysis.UnstemmedTermAttribute;

/**
 * The tokens of a text analyzed once, replayed each time the stream is reset: an article's title is
 * indexed with every one of its passages, twice (see {@link Schema#TEXT} and, unstemmed, {@link
 * Schema#WORDS}), and in {@link Schema#ARTICLE_TEXT}; analyzing it once per
 * article instead spares a third of the analysis of a news corpus. The unstemmed words come from the
 * same analysis when its tokens carry them ({@link #words()}). The source, also on every passage, is
 * cached the same way.
 *
 * <pre>{@code
 * TokenStream title = CachedTokens.of(analyzer, Schema.TEXT, "Le Royaume-Uni quitte le Mali");
 * doc.add(new TextField(Schema.TEXT, title));   // royaumeuni|royaum uni quitt mali, each time
 * }</pre>
 *
 * <p>Not thread-safe: one thread indexes an article's documents, one stream after the other.
 */
final class CachedTokens extends TokenStream {
  private final List<AttributeSource.State> tokens;
  private final AttributeSource.State end;
  private final List<String> words;
  private int next;

  private CachedTokens(AttributeSource attributes, List<AttributeSource.State> tokens, AttributeSource.State end,
      List<String> words) {
    super(attributes);
    this.tokens = tokens;
    this.end = end;
    this.words = words;
  }

  /** Analyzes {@code text} as {@code field} with {@code analyzer}, once. */
  static CachedTokens of(Analyzer analyzer, String field, String text) {
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      UnstemmedTermAttribute unstemmed = ts.hasAttribute(UnstemmedTermAttribute.class)
          ? ts.getAttribute(UnstemmedTermAttribute.class) : null;
      ts.reset();
      List<AttributeSource.State> tokens = new ArrayList<>();
      List<String> words = unstemmed == null ? null : new ArrayList<>();
      while (ts.incrementToken()) {
        tokens.add(ts.captureState());
        if (unstemmed != null) {
          String word = new String(unstemmed.buffer(), 0, unstemmed.length());
          if (!words.contains(word)) {
            words.add(word);
          }
        }
      }
      ts.end();
      return new CachedTokens(ts.cloneAttributes(), tokens, ts.captureState(), words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the {@linkplain UnstemmedTermAttribute unstemmed terms} of the tokens, each once, one
   * position apart, replayed each time the stream is reset: the words a second, unstemmed analysis
   * of the text would give, for a field that indexes documents only ({@link Schema#WORDS}), where a
   * word given again adds nothing; or null when the analyzer's tokens do not carry them.
   */
  TokenStream words() {
    return words == null ? null : new Words(words);
  }

  private static final class Words extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final List<String> words;
    private int next;

    Words(List<String> words) {
      this.words = words;
    }

    @Override
    public void reset() {
      next = 0;
    }

    @Override
    public boolean incrementToken() {
      if (next == words.size()) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(words.get(next++));
      increment.setPositionIncrement(1);
      return true;
    }
  }

  @Override
  public boolean incrementToken() {
    if (next == tokens.size()) {
      return false;
    }
    restoreState(tokens.get(next++));
    return true;
  }

  @Override
  public void end() {
    restoreState(end);
  }

  @Override
  public void reset() {
    next = 0;
  }
}
