package org.depeche.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Runs an analyzer over a text and returns its tokens as plain values.
 *
 * <pre>{@code
 * Analysis.tokens(new FrenchNewsAnalyzer(), "Le retrait de l’armée")
 * // [Token[term=retrait, position=1, start=3, end=10],
 * //  Token[term=arme, position=3, start=16, end=21]]
 * }</pre>
 *
 * <p>The methods are thread-safe when the analyzer is, as Lucene's analyzers are.
 */
public final class Analysis {
  /** The field name given to the analyzer; {@link FrenchNewsAnalyzer} treats every field alike. */
  static final String FIELD = "text";

  private static final FrenchNewsAnalyzer DEPECHE = new FrenchNewsAnalyzer();

  private Analysis() {}

  /**
   * Reads the French dictionary {@link FrenchNewsAnalyzer} takes its lemmas from (1.1 MB, inflated
   * from its jar), once per process, if no thread has yet: the first analysis with that analyzer
   * does it otherwise. A process that will soon analyze text can call this on a thread of its own
   * to have it done meanwhile; a thread analyzing text while the dictionary is being read waits
   * for it. Thread-safe.
   *
   * @throws IllegalStateException when the dictionary is not on the class path
   */
  public static void readDictionary() {
    FrenchLemmaFilter.readDictionary();
  }

  /** Returns the tokens depeche's own analyzer, {@link FrenchNewsAnalyzer}, makes of {@code text}. */
  public static List<Token> tokens(String text) {
    return tokens(DEPECHE, text);
  }

  /**
   * Returns the tokens {@code analyzer} makes of {@code text}, in order.
   *
   * @param analyzer the analyzer to run
   * @param text the text to analyze
   * @return the tokens, with positions counted from 0 including the gaps of removed stop words,
   *     and offsets into {@code text}
   */
  public static List<Token> tokens(Analyzer analyzer, String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        tokens.add(
            new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      // A String cannot fail to be read; only a broken analyzer gets here.
      throw new UncheckedIOException(e);
    }
    return List.copyOf(tokens);
  }
}
