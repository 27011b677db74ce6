package org.depeche.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Copies each token's term into its {@link UnstemmedTermAttribute}, unchanged: placed just before
 * the stemmer, it keeps the word the stemmer is about to replace.
 *
 * <p>Like every {@link TokenStream}, an instance serves one thread at a time.
 */
final class UnstemmedTermFilter extends TokenFilter {
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final UnstemmedTermAttributeImpl unstemmedAtt =
      (UnstemmedTermAttributeImpl) addAttribute(UnstemmedTermAttribute.class);

  UnstemmedTermFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    unstemmedAtt.copy(termAtt.buffer(), termAtt.length());
    return true;
  }
}
