package org.depeche.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * The best correction of a term from the index's terms: what Lucene's {@link DirectSpellChecker}
 * (its defaults, at most two edits) gives as its one suggestion, looking at two edits only when no
 * term is one edit away.
 *
 * <p>The checker gathers the candidates one edit away, then, unless it has as many as it inspects,
 * those two edits away, and returns the best by score (its similarity, {@code 1 - edits / length},
 * the shorter length of the two terms), then frequency. For terms of four letters or more (shorter
 * ones get no suggestion), every candidate one edit away scores above every candidate two edits
 * away ({@code 1 - 1/(n-1) > 1 - 2/n} for {@code n > 2}), and all of them are gathered in the
 * first pass (the second pass keeps them as well): when the first pass finds one, the best is
 * among its candidates, and the second pass, whose automaton at two edits is most of the checker's
 * cost, changes nothing. {@code ClosestTermTest} checks this against the checker itself.
 *
 * <p>Stateless and thread-safe.
 */
final class ClosestTerm {
  private ClosestTerm() {}

  /**
   * Returns the best correction of {@code term} in {@code reader}, or null when there is none.
   *
   * @param mode when to correct, as {@link DirectSpellChecker#suggestSimilar(Term, int, IndexReader,
   *     SuggestMode)} takes it
   * @param inspections how many close terms are ranked ({@link DirectSpellChecker#setMaxInspections})
   */
  static SuggestWord of(Term term, IndexReader reader, SuggestMode mode, int inspections) throws IOException {
    OneEditFirst checker = new OneEditFirst();
    checker.setMaxInspections(inspections);
    SuggestWord[] best = checker.suggestSimilar(term, 1, reader, mode);
    return best.length > 0 ? best[0] : null;
  }

  /**
   * The checker at two edits, whose pass at two edits finds nothing when its pass at one edit found
   * some candidates: the one checker call gathers the candidates one edit away once, where a checker
   * at one edit followed, when it found nothing, by one at two edits gathered them twice.
   *
   * <p>One instance serves one call.
   */
  private static final class OneEditFirst extends DirectSpellChecker {
    private boolean oneEditFound;

    @Override
    protected Collection<ScoreTerm> suggestSimilar(Term term, int numSug, IndexReader ir, int docfreq,
        int editDistance, float accuracy, CharsRefBuilder spare) throws IOException {
      if (editDistance > 1 && oneEditFound) {
        return List.of();
      }
      Collection<ScoreTerm> found = super.suggestSimilar(term, numSug, ir, docfreq, editDistance, accuracy, spare);
      if (editDistance == 1) {
        oneEditFound = !found.isEmpty();
      }
      return found;
    }
  }
}
