package org.depeche.analysis;

import org.apache.lucene.util.Attribute;

/**
 * A token's term as it was before the stemmer: lower case, accents folded, the word {@link
 * FrenchNewsAnalyzer#unstemmed()} gives for it. {@link FrenchNewsAnalyzer} and its {@linkplain
 * FrenchNewsAnalyzer#lightStemmed() light form} set it on every token, so that one analysis gives
 * both the stemmed term ({@code britanniqu}) and the word ({@code britanniques}); the index reads
 * it to fill its unstemmed field without analyzing the text a second time. Streams of other
 * analyzers do not have it.
 */
public interface UnstemmedTermAttribute extends Attribute {
  /** Returns the buffer holding the term, valid up to {@link #length()}. */
  char[] buffer();

  /** Returns the term's length in {@link #buffer()}. */
  int length();
}
