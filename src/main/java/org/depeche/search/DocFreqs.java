package org.depeche.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * The number of documents holding each term, looked up in the index once per search: compiling a
 * query (is a word misspelled?), re-scoring (the IDF of its terms and words) and the spelling
 * suggestion (is a word rare?) ask for many of the same terms, and each look-up seeks the term in
 * every segment.
 *
 * <p>Per search and per thread: not thread-safe.
 */
final class DocFreqs {
  private final IndexReader reader;
  private final Map<Term, Integer> known = new HashMap<>();

  DocFreqs(IndexReader reader) {
    this.reader = reader;
  }

  IndexReader reader() {
    return reader;
  }

  /** {@link IndexReader#docFreq} of the term, asked of the index the first time only. */
  int of(Term term) {
    Integer n = known.get(term);
    if (n == null) {
      try {
        n = reader.docFreq(term);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      known.put(term, n);
    }
    return n;
  }
}
