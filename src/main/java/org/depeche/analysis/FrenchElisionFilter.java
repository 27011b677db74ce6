package org.depeche.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Removes an elided article or pronoun from the front of a token, and moves the token's start
 * offset past it: {@code "L'ONU"} at offsets 0–5 becomes {@code "ONU"} at 2–5.
 *
 * <p>Lucene's {@code ElisionFilter} strips the same prefixes but leaves the offsets on the whole
 * token, so a highlighted {@code onu} would cover the article too. The apostrophe must already be
 * {@code '} (U+0027); {@link FrenchNewsAnalyzer} maps the other apostrophes to it before
 * tokenizing. Only the first apostrophe counts: {@code "aujourd'hui"} is kept, because
 * {@code aujourd} is not in the set.
 *
 * <p>Like every {@link TokenStream}, an instance serves one thread at a time.
 */
final class FrenchElisionFilter extends TokenFilter {
  private final CharArraySet articles;
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);

  /**
   * @param input the tokens to filter
   * @param articles the elided words to remove, without their apostrophe; the set decides whether
   *     case matters
   */
  FrenchElisionFilter(TokenStream input, CharArraySet articles) {
    super(input);
    this.articles = articles;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = termAtt.buffer();
    int length = termAtt.length();
    for (int i = 0; i < length; i++) {
      if (buffer[i] == '\'') {
        if (i + 1 < length && articles.contains(buffer, 0, i)) {
          int start = offsetAtt.startOffset();
          int end = offsetAtt.endOffset();
          // The offsets follow the characters only when a char filter has not changed the length.
          if (end - start == length) {
            offsetAtt.setOffset(start + i + 1, end);
          }
          termAtt.copyBuffer(buffer, i + 1, length - i - 1);
        }
        break;
      }
    }
    return true;
  }
}
