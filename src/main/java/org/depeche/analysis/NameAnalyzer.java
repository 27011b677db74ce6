package org.depeche.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer of people's names, for finding a speaker: words split at spaces and hyphens, lower
 * case, accents folded, nothing removed or stemmed. {@code "Najat Vallaud-Belkacem"} → {@code najat
 * vallaud belkacem}, so that {@code Belkacem}, {@code vallaud-belkacem} and {@code "Najat
 * Vallaud-Belkacem"} find her, and {@code Segolene Royal} finds Ségolène Royal.
 *
 * <p>Two names of one field are {@value #POSITION_GAP} positions apart, so a phrase does not join
 * the surname of one speaker to the first name of the next.
 *
 * <p>Thread-safe, as Lucene analyzers are.
 */
public final class NameAnalyzer extends Analyzer {
  /** The position gap between two names of one field. */
  public static final int POSITION_GAP = 100;

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return POSITION_GAP;
  }
}
