package org.depeche.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.CompiledAutomaton;

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
 * <p>Building the Levenshtein automata of a term is most of a look-up's cost (on the PIAF
 * questions' unknown words, about 95 % of it with Lucene's; the walk of the index's terms is the
 * rest). They are built by {@link EditAutomaton}, which accepts what Lucene's {@code
 * LevenshteinAutomata} accept with less work, one automaton per number of edits: the pass at two
 * edits reuses the pass at one edit's automaton to tell a candidate's edits. They depend on the
 * term's text only, not on its field or the index, and a search often looks at the same text twice:
 * the query's correction on {@code text}, then the suggestion on {@code words} (a name is the same
 * word stemmed or not). So each thread keeps the last {@value #AUTOMATA_KEPT} automata it built, in
 * at most {@value #BYTES_KEPT} bytes. The walk over the terms is the checker's ({@code
 * FuzzyTermsEnum}'s terms, edits and scores, in term order), and so is the result.
 *
 * <p>A long text of many distinct letters (a pasted Korean paragraph, a long URL) has automata that
 * take tens of milliseconds to build, and usually no close term at all: {@link NoCloseTerm} proves
 * that first, from the few terms beginning with its first letter, and such a text gets its answer,
 * none, without automata.
 *
 * <p>Thread-safe: the kept automata are per thread.
 */
final class ClosestTerm {
  /**
   * How many automata (a text's at one or two edits) a thread keeps: those of 16 texts, more than the
   * unknown words of a long question need.
   */
  static final int AUTOMATA_KEPT = 32;

  /**
   * How much memory a thread's kept automata may take: those of 16 words of up to about 20 letters
   * fit (0.16 MB a word, at one and two edits), where those of 16 words of 255 letters, the longest
   * the tokenizer gives, would take 40 to 300 MB (one script of 1-byte letters to fourteen scripts
   * of 1 to 4 bytes), kept for as long as the thread lives.
   */
  static final long BYTES_KEPT = 8L << 20;

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
    // The checker looks at the text lower-cased; a text proved to have no close term needs no automata.
    String text = checker.getLowerCaseTerms() ? term.text().toLowerCase(Locale.ROOT) : term.text();
    if (NoCloseTerm.proved(reader, term.field(), text, checker.getMaxEdits())) {
      return null;
    }
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
   * best {@code numSug} kept by score, then term. The checker's {@code FuzzyTermsEnum} also switches
   * to a smaller automaton once the queue is full and the worst score kept is beyond the larger
   * one's reach: that skips only terms that could not enter the queue, so walking on without it
   * keeps the same terms. Its automata come from the thread's {@link Automata}.
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
      String text = term.text();
      int prefix = Math.max(getMinPrefix(), editDistance - 1);
      CompiledAutomaton[] within = new CompiledAutomaton[editDistance + 1];
      for (int k = 1; k <= editDistance; k++) {
        within[k] = automata.of(text, k, prefix);
      }
      int termLength = text.codePointCount(0, text.length());
      TermsEnum e = within[editDistance].getTermsEnum(terms);
      PriorityQueue<ScoreTerm> queue = new PriorityQueue<>();
      BytesRef queryTerm = term.bytes();
      ScoreTerm st = new ScoreTerm();
      for (BytesRef candidate = e.next(); candidate != null; candidate = e.next()) {
        // The candidate's edits and score as FuzzyTermsEnum computes them.
        int ed = editDistance;
        while (ed > 0 && (ed == 1 ? candidate.bytesEquals(queryTerm)
            : within[ed - 1].runAutomaton.run(candidate.bytes, candidate.offset, candidate.length))) {
          ed--;
        }
        float score = ed == 0 ? 1.0f
            : 1.0f - ((float) ed / (float) Math.min(UnicodeUtil.codePointCount(candidate), termLength));
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
      }
      return queue;
    }
  }

  /** How many automata (a text's, at a number of edits) this thread has built. */
  static long automataBuilt() {
    return AUTOMATA.get().built;
  }

  /** The memory the automata this thread keeps take, in bytes (Lucene's estimate). */
  static long keptBytes() {
    return AUTOMATA.get().bytes;
  }

  /**
   * The automaton the spell checks walk the terms with: those at most {@code edits} from {@code text}
   * (transpositions counting as one) beginning with its first {@code prefix} code points, compiled
   * from its UTF-8 form ({@link Utf8Automaton}) rather than through Lucene's own conversion, which
   * gives it 1.5 to 2.5 times the states.
   */
  static CompiledAutomaton compile(String text, int edits, int prefix) {
    return new CompiledAutomaton(Utf8Automaton.of(EditAutomaton.of(text, prefix, edits)), true, false, true);
  }

  /**
   * The last {@value #AUTOMATA_KEPT} automata a thread built, by text, edits and prefix, the least
   * recently used dropped first, and fewer when they take more than {@value #BYTES_KEPT} bytes.
   */
  private static final class Automata {
    private record Key(String text, int edits, int prefix) {}

    private record Kept(CompiledAutomaton automaton, long bytes) {}

    private final LinkedHashMap<Key, Kept> kept = new LinkedHashMap<>(AUTOMATA_KEPT * 2, 0.75f, true);

    private long built;
    private long bytes;

    /**
     * The automaton of the terms at most {@code edits} from {@code text} (transpositions counting
     * as one) beginning with its first {@code prefix} code points, kept or built and kept.
     */
    CompiledAutomaton of(String text, int edits, int prefix) {
      Key key = new Key(text, edits, prefix);
      Kept known = kept.get(key);
      if (known != null) {
        return known.automaton();
      }
      built++;
      CompiledAutomaton automaton = compile(text, edits, prefix);
      Kept added = new Kept(automaton, automaton.ramBytesUsed());
      kept.put(key, added);
      bytes += added.bytes();
      // The least recently used first; the one just built last, dropped too when it alone is too large.
      Iterator<Kept> eldest = kept.values().iterator();
      while (kept.size() > AUTOMATA_KEPT || bytes > BYTES_KEPT) {
        bytes -= eldest.next().bytes();
        eldest.remove();
      }
      return automaton;
    }
  }
}
