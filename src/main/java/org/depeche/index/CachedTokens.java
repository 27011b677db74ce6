package org.depeche.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.AttributeSource;

/**
 * The tokens of a text analyzed once, replayed each time the stream is reset: an article's title is
 * indexed with every one of its passages, three times (see {@link Schema#TEXT}, {@link Schema#TITLE}
 * and, unstemmed, {@link Schema#WORDS}), and in {@link Schema#ARTICLE_TEXT}; analyzing it once per
 * article and analyzer instead spares a third of the analysis of a news corpus. The source, also on
 * every passage, is cached the same way.
 *
 * <pre>{@code
 * TokenStream title = CachedTokens.of(analyzer, Schema.TEXT, "Le Royaume-Uni quitte le Mali");
 * doc.add(new TextField(Schema.TITLE, title));   // royaumeuni|royaum uni quitt mali, each time
 * }</pre>
 *
 * <p>Not thread-safe: one thread indexes an article's documents, one stream after the other.
 */
final class CachedTokens extends TokenStream {
  private final List<AttributeSource.State> tokens;
  private final AttributeSource.State end;
  private int next;

  private CachedTokens(AttributeSource attributes, List<AttributeSource.State> tokens, AttributeSource.State end) {
    super(attributes);
    this.tokens = tokens;
    this.end = end;
  }

  /** Analyzes {@code text} as {@code field} with {@code analyzer}, once. */
  static CachedTokens of(Analyzer analyzer, String field, String text) {
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      ts.reset();
      List<AttributeSource.State> tokens = new ArrayList<>();
      while (ts.incrementToken()) {
        tokens.add(ts.captureState());
      }
      ts.end();
      return new CachedTokens(ts.cloneAttributes(), tokens, ts.captureState());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
