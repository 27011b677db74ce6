package org.depeche.search;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.MaxNonCompetitiveBoostAttribute;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
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
 * <p>Building the Levenshtein automata of a term is nearly all of a look-up's cost (on the PIAF
 * questions' unknown words, about 95 % of it; the walk of the index's terms is the rest). They
 * depend on the term's text only, not on its field or the index, and a search often looks at the
 * same text twice: the query's correction on {@code text}, then the suggestion on {@code words}
 * (a name is the same word stemmed or not). So each thread keeps the last {@value #AUTOMATA_KEPT} sets
 * of automata it built (a text's, at one or two edits), and the checker's walk reuses them
 * (through Lucene's own sharing of automata between segments); the walk itself, and so the
 * result, is the checker's.
 *
 * <p>Thread-safe: the kept automata are per thread.
 */
final class ClosestTerm {
  /**
   * How many sets of automata (a text's, at one or two edits) a thread keeps: more than the unknown
   * words of a long question need.
   */
  static final int AUTOMATA_KEPT = 16;

  private static final ThreadLocal<Automata> AUTOMATA = ThreadLocal.withInitial(Automata::new);

  private ClosestTerm() {}

  /**
   * Returns the best correction of {@code term} in {@code reader}, or null when there is none.
   *
   * @param mode when to correct, as {@link DirectSpellChecker#suggestSimilar(Term, int, IndexReader,
   *     SuggestMode)} takes it
   * @param inspections how many close terms are ranked ({@link DirectSpellChecker#setMaxInspections})
   */
  static SuggestWord of(Term term, IndexReader reader, SuggestMode mode, int inspections) throws IOException {
    OneEditFirst checker = new OneEditFirst(AUTOMATA.get());
    checker.setMaxInspections(inspections);
    SuggestWord[] best = checker.suggestSimilar(term, 1, reader, mode);
    return best.length > 0 ? best[0] : null;
  }

  /**
   * The checker at two edits, whose pass at two edits finds nothing when its pass at one edit found
   * some candidates: the one checker call gathers the candidates one edit away once, where a checker
   * at one edit followed, when it found nothing, by one at two edits gathered them twice.
   *
   * <p>Its walk at a number of edits is the checker's own ({@link
   * DirectSpellChecker#suggestSimilar(Term, int, IndexReader, int, int, float, CharsRefBuilder)}
   * with the default distance): the terms the automaton accepts, in term order, skipping the term
   * itself, terms in no more than {@code docfreq} documents and those below {@code accuracy}, the
   * best {@code numSug} kept by score, then term, the walk told the worst score kept once the queue
   * is full. Only its automata come from the thread's {@link Automata}.
   *
   * <p>One instance serves one call.
   */
  private static final class OneEditFirst extends DirectSpellChecker {
    private final Automata automata;
    private boolean oneEditFound;

    OneEditFirst(Automata automata) {
      this.automata = automata;
    }

    @Override
    protected Collection<ScoreTerm> suggestSimilar(Term term, int numSug, IndexReader ir, int docfreq,
        int editDistance, float accuracy, CharsRefBuilder spare) throws IOException {
      if (editDistance > 1 && oneEditFound) {
        return List.of();
      }
      Collection<ScoreTerm> found = walk(term, numSug, ir, docfreq, editDistance, accuracy);
      if (editDistance == 1) {
        oneEditFound = !found.isEmpty();
      }
      return found;
    }

    private Collection<ScoreTerm> walk(Term term, int numSug, IndexReader ir, int docfreq, int editDistance,
        float accuracy) throws IOException {
      Terms terms = MultiTerms.getTerms(ir, term.field());
      if (terms == null) {
        return List.of();
      }
      FuzzyTermsEnum e = automata.termsEnum(terms, term, editDistance, Math.max(getMinPrefix(), editDistance - 1));
      PriorityQueue<ScoreTerm> queue = new PriorityQueue<>();
      BytesRef queryTerm = new BytesRef(term.text());
      ScoreTerm st = new ScoreTerm();
      for (BytesRef candidate = e.next(); candidate != null; candidate = e.next()) {
        float score = e.getBoost();
        if (queue.size() >= numSug && score <= queue.peek().boost) {
          continue;
        }
        if (queryTerm.bytesEquals(candidate)) {
          continue;
        }
        int df = e.docFreq();
        if (df <= docfreq || score < accuracy) {
          continue;
        }
        st.term = BytesRef.deepCopyOf(candidate);
        st.boost = score;
        st.docfreq = df;
        st.termAsString = null;
        st.score = score;
        queue.offer(st);
        st = queue.size() > numSug ? queue.poll() : new ScoreTerm();
        e.setMaxNonCompetitiveBoost(queue.size() >= numSug ? queue.peek().boost : Float.NEGATIVE_INFINITY);
      }
      return queue;
    }
  }

  /** How many sets of automata (a text's, at a number of edits) this thread has built. */
  static long automataBuilt() {
    return AUTOMATA.get().built;
  }

  /**
   * The last {@value #AUTOMATA_KEPT} sets of Levenshtein automata a thread built, by text, edits and
   * prefix, the least recently used dropped first: each in the attributes through which Lucene's {@link FuzzyTermsEnum} shares its
   * automata between the segments of a {@link FuzzyQuery}.
   */
  private static final class Automata {
    private record Key(String text, int edits, int prefix) {}

    private final Map<Key, AttributeSource> kept = new LinkedHashMap<>(AUTOMATA_KEPT * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, AttributeSource> eldest) {
        return size() > AUTOMATA_KEPT;
      }
    };

    private long built;

    /**
     * The checker's enum of {@code terms} at most {@code edits} from {@code term} (transpositions
     * counting as one), with the automata kept for its text, or built and kept.
     */
    FuzzyTermsEnum termsEnum(Terms terms, Term term, int edits, int prefix) throws IOException {
      AttributeSource atts = kept.computeIfAbsent(new Key(term.text(), edits, prefix), k -> {
        built++;
        return new AttributeSource();
      });
      // As a new enum starts: no score is yet out of the running (what the walk last told it is not).
      MaxNonCompetitiveBoostAttribute bottom = atts.addAttribute(MaxNonCompetitiveBoostAttribute.class);
      bottom.setMaxNonCompetitiveBoost(Float.NEGATIVE_INFINITY);
      bottom.setCompetitiveTerm(null);
      return new Fuzzy(term, edits, prefix).termsEnum(terms, atts);
    }
  }

  /** Opens a {@link FuzzyTermsEnum} on given attributes, as a {@link FuzzyQuery} does per segment. */
  private static final class Fuzzy extends FuzzyQuery {
    Fuzzy(Term term, int edits, int prefix) {
      super(term, edits, prefix, FuzzyQuery.defaultMaxExpansions, true);
    }

    FuzzyTermsEnum termsEnum(Terms terms, AttributeSource atts) throws IOException {
      return (FuzzyTermsEnum) getTermsEnum(terms, atts);
    }
  }
}
