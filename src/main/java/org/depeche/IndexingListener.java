package org.depeche;

import org.depeche.corpus.Problem;

/**
 * Hears what an indexing run meets: problems with input files, and progress. Both methods do
 * nothing by default.
 *
 * <p>Called from the indexing thread; an implementation that shares state with other threads must
 * guard it.
 */
public interface IndexingListener {
  /** A listener that ignores everything. */
  IndexingListener SILENT = new IndexingListener() {};

  /** Called for each problem met in the input; indexing goes on. */
  default void problem(Problem problem) {}

  /** Called now and then during a run with the number of articles and passages indexed so far. */
  default void progress(long articles, long passages) {}
}
