package org.apache.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * {@link DepechePairMatcher} gives Lucene's {@link SloppyPhraseMatcher}'s matches, sloppy weights
 * (their float sum bit for bit), positions, offsets and maximum frequency, on random documents.
 */
class DepechePairMatcherTest {
  private static final SimScorer FREQ = new SimScorer() {
    @Override
    public float score(float freq, long norm) {
      return freq;
    }
  };

  @Test
  void matchesAsLucenesSloppyPhraseMatcherOnRandomDocuments() throws IOException {
    Random random = new Random(15);
    Term a = new Term("f", "a");
    Term b = new Term("f", "b");
    for (int trial = 0; trial < 100_000; trial++) {
      int range = 2 + random.nextInt(random.nextBoolean() ? 10 : 60);
      int slop = 1 + random.nextInt(random.nextInt(4) == 0 ? 8 : 4);
      int docs = 1 + random.nextInt(4);
      int[][] pa = new int[docs][];
      int[][] pb = new int[docs][];
      for (int d = 0; d < docs; d++) {
        pa[d] = positions(random, range);
        pb[d] = positions(random, range);
      }
      boolean offsets = random.nextBoolean();
      PhraseQuery.PostingsAndFreq[] postings = {
        new PhraseQuery.PostingsAndFreq(new ArrayPostings(pa), null, 0, a),
        new PhraseQuery.PostingsAndFreq(new ArrayPostings(pb), null, 1, b)
      };
      String lucene = trace(new SloppyPhraseMatcher(postings, slop, ScoreMode.COMPLETE, FREQ, 1f, offsets));
      String ours = trace(new DepechePairMatcher(new ArrayPostings(pa), 0, new ArrayPostings(pb), 1, slop, FREQ, 1f,
          offsets));
      assertEquals(lucene, ours, "trial " + trial + ", slop " + slop);
    }
  }

  /** Each document's maximum frequency (every other one, before its positions, as PhraseScorer asks), matches and sum. */
  private static String trace(PhraseMatcher matcher) throws IOException {
    StringBuilder out = new StringBuilder();
    DocIdSetIterator docs = matcher.approximation();
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      out.append(doc);
      if (doc % 4 == 0) {
        out.append(" max ").append(matcher.maxFreq());
      }
      matcher.resetPositions();
      float freq = 0;
      while (matcher.nextMatch()) {
        freq += matcher.sloppyWeight();
        out.append(' ').append(matcher.sloppyWeight()).append(" [").append(matcher.startPosition()).append(',')
            .append(matcher.endPosition()).append(',').append(matcher.startOffset()).append(',')
            .append(matcher.endOffset()).append(']');
      }
      out.append(" freq ").append(Float.floatToIntBits(freq)).append('\n');
    }
    return out.toString();
  }

  private static int[] positions(Random random, int range) {
    TreeSet<Integer> set = new TreeSet<>();
    int n = 1 + random.nextInt(Math.min(range, 8));
    while (set.size() < n) {
      set.add(random.nextInt(range));
    }
    return set.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Documents 0, 2, 4... with the given positions; offsets 10 × position and 5 more. */
  private static final class ArrayPostings extends PostingsEnum {
    private final int[][] positions;
    private int doc = -1;
    private int next;

    ArrayPostings(int[][] positions) {
      this.positions = positions;
    }

    @Override
    public int freq() {
      return positions[doc].length;
    }

    @Override
    public int nextPosition() {
      return positions[doc][next++];
    }

    @Override
    public int startOffset() {
      return positions[doc][next - 1] * 10;
    }

    @Override
    public int endOffset() {
      return positions[doc][next - 1] * 10 + 5;
    }

    @Override
    public BytesRef getPayload() {
      return null;
    }

    @Override
    public int docID() {
      return doc < 0 ? -1 : doc >= positions.length ? NO_MORE_DOCS : doc * 2;
    }

    @Override
    public int nextDoc() {
      doc++;
      next = 0;
      return docID();
    }

    @Override
    public int advance(int target) {
      while (docID() < target) {
        nextDoc();
      }
      return docID();
    }

    @Override
    public long cost() {
      return positions.length;
    }
  }
}
