package org.depeche.search;

import java.io.IOException;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DepechePairMatcher;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseMatcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PhraseWeight;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SloppyPhraseMatcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.IOSupplier;

/**
 * Two words near each other, in either order: in order with up to {@code slop} words between them,
 * reversed with up to {@code slop - 2}, or at one position (slop 3: "a b", "a x y z b", "b a",
 * "b x a"). Lucene's sloppy {@link PhraseQuery} of two terms, whose weight takes each term's {@link
 * TermStates} from the search's {@link DocFreqs} instead of looking the term up again in every
 * segment. Scoring and explanations are Lucene's own ({@link PhraseWeight}); matching is
 * {@link SloppyPhraseMatcher}'s, by {@link DepechePairMatcher} for two distinct terms (without
 * its queue; the same matches and frequencies), so the same passages come out with the same
 * scores and explanations. Printed as that phrase query; equal only to a pair of the same terms
 * and slop.
 *
 * <p>Its weight is Lucene 10.6's {@code PhraseQuery.createWeight} for two terms with a slop above
 * zero, the states given rather than built (a weight on another reader builds them, as {@link
 * org.apache.lucene.search.TermQuery} does). Immutable and thread-safe, like its states.
 */
final class ProximityPairQuery extends PhraseQuery {
  private final Term first;
  private final Term second;
  private final TermStates firstStates;
  private final TermStates secondStates;

  /** The pair of {@code first} and {@code second} (same field), with their states in the index. */
  ProximityPairQuery(int slop, Term first, TermStates firstStates, Term second, TermStates secondStates) {
    super(slop, first.field(), first.text(), second.text());
    if (slop <= 0 || !first.field().equals(second.field())) {
      throw new IllegalArgumentException("a pair needs a slop above 0 and one field: " + first + ", " + second);
    }
    this.first = first;
    this.second = second;
    this.firstStates = firstStates;
    this.secondStates = secondStates;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    IndexReaderContext top = searcher.getTopReaderContext();
    Term[] terms = {first, second};
    TermStates[] states = new TermStates[2];
    TermStates[] given = {firstStates, secondStates};
    for (int i = 0; i < 2; i++) {
      states[i] = given[i] != null && given[i].wasBuiltFor(top)
          ? given[i] : TermStates.build(searcher, terms[i], scoreMode.needsScores());
    }
    // PhraseWeight's constructor calls getStats: the weight reads the final locals above, not fields.
    return new PhraseWeight(this, getField(), searcher, scoreMode) {
      @Override
      protected SimScorer getStats(IndexSearcher searcher) throws IOException {
        TermStatistics[] stats = new TermStatistics[2];
        int n = 0;
        if (scoreMode.needsScores()) {
          for (int i = 0; i < 2; i++) {
            if (states[i].docFreq() > 0) {
              stats[n++] = searcher.termStatistics(terms[i], states[i].docFreq(), states[i].totalTermFreq());
            }
          }
        }
        if (n == 0) {
          return null; // as Lucene's: no term in the index, no scoring
        }
        return searcher.getSimilarity().scorer(boost, searcher.collectionStatistics(getField()),
            n == 2 ? stats : new TermStatistics[] {stats[0]});
      }

      @Override
      protected PhraseMatcher getPhraseMatcher(LeafReaderContext context, SimScorer scorer, boolean exposeOffsets)
          throws IOException {
        Terms fieldTerms = context.reader().terms(getField());
        if (fieldTerms == null) {
          return null;
        }
        if (!fieldTerms.hasPositions()) {
          throw new IllegalStateException("field \"" + getField()
              + "\" was indexed without position data; cannot run PhraseQuery (phrase=" + getQuery() + ")");
        }
        TermsEnum te = fieldTerms.iterator();
        int[] positions = getPositions();
        PostingsEnum[] enums = new PostingsEnum[2];
        float cost = 0;
        int flags = exposeOffsets ? PostingsEnum.OFFSETS : PostingsEnum.POSITIONS;
        for (int i = 0; i < 2; i++) {
          IOSupplier<TermState> supplier = states[i].get(context);
          TermState state = supplier == null ? null : supplier.get();
          if (state == null) {
            return null; // the term is in no document of this segment
          }
          te.seekExact(terms[i].bytes(), state);
          enums[i] = scoreMode == ScoreMode.TOP_SCORES ? te.impacts(flags) : te.postings(null, flags);
          cost += termPositionsCost(te);
        }
        if (!terms[0].equals(terms[1])) { // Lucene's matcher without its queue (pair15)
          return new DepechePairMatcher(enums[0], positions[0], enums[1], positions[1], getSlop(), scorer, cost,
              exposeOffsets);
        }
        PostingsAndFreq[] postings = new PostingsAndFreq[2];
        for (int i = 0; i < 2; i++) {
          ImpactsEnum impacts =
              scoreMode == ScoreMode.TOP_SCORES ? (ImpactsEnum) enums[i] : new SlowImpactsEnum(enums[i]);
          postings[i] = new PostingsAndFreq(enums[i], impacts, positions[i], terms[i]);
        }
        return new SloppyPhraseMatcher(postings, getSlop(), scoreMode, scorer, cost, exposeOffsets);
      }
    };
  }
}
