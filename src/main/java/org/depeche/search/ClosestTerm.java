package org.depeche.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

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
    SuggestWord[] oneEdit = checker(1, inspections).suggestSimilar(term, 1, reader, mode);
    if (oneEdit.length > 0) {
      return oneEdit[0];
    }
    SuggestWord[] twoEdits = checker(2, inspections).suggestSimilar(term, 1, reader, mode);
    return twoEdits.length > 0 ? twoEdits[0] : null;
  }

  private static DirectSpellChecker checker(int maxEdits, int inspections) {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(maxEdits);
    checker.setMaxInspections(inspections);
    return checker;
  }
}
