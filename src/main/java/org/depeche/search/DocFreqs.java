package org.depeche.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;

/**
 * Each term's place in every segment of the index and the number of documents holding it, looked
 * up once per search: compiling a query (is a word misspelled?), its term and span queries, re-scoring
 * (the IDF of its terms and words) and the spelling suggestion (is a word rare?) ask for many of the
 * same terms, and each look-up seeks the term in every segment.
 *
 * <p>Per search and per thread: not thread-safe.
 */
final class DocFreqs {
  private final IndexReader reader;
  /** Only for {@link TermStates#build}: states built for its reader serve every searcher of it. */
  private final IndexSearcher searcher;
  private final Map<Term, TermStates> known = new HashMap<>();

  DocFreqs(IndexReader reader) {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
  }

  IndexReader reader() {
    return reader;
  }

  /** {@link IndexReader#docFreq} of the term, asked of the index the first time only. */
  int of(Term term) {
    return states(term).docFreq();
  }

  /**
   * The term's states when they were asked for already ({@link #states}), else null: no look-up.
   * What the search's queries looked up serves the snippets; the other terms they highlight (a
   * prefix's words, a phrase's or a synonym's, which their Lucene queries look up) are better
   * sought in the few segments holding hits than in every segment.
   */
  TermStates lookedUp(Term term) {
    return known.get(term);
  }

  /**
   * The term's states in each segment, with its statistics, looked up the first time only: given
   * to a {@link org.apache.lucene.search.TermQuery} or a {@link
   * org.apache.lucene.queries.spans.SpanTermQuery}, they spare its weight the same look-up.
   */
  TermStates states(Term term) {
    TermStates states = known.get(term);
    if (states == null) {
      try {
        states = TermStates.build(searcher, term, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      known.put(term, states);
    }
    return states;
  }
}
