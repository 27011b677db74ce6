package org.apache.lucene.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FreqAndNormBuffer;
import org.apache.lucene.index.Impacts;
import org.apache.lucene.index.ImpactsSource;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.similarities.Similarity.SimScorer;

/**
 * depeche's (not Lucene's) matcher of a sloppy phrase of two distinct terms: Lucene 10.6's {@link
 * SloppyPhraseMatcher} for that case, with its queue of two {@code PhrasePositions} replaced by two
 * positions, so the same matches, sloppy weights (in the same order), positions, offsets and
 * maximum frequency. In Lucene's package because {@link PhraseMatcher}'s constructor and methods
 * are package-private; used by {@code org.depeche.search.ProximityPairQuery}. A Lucene upgrade
 * must run {@code DepechePairMatcherTest}, which compares it with {@link SloppyPhraseMatcher}. A
 * split package: it works on the class path, not on the module path, where Lucene's module exports
 * this package and the module system refuses a second one that holds it (README, Library).
 */
public final class DepechePairMatcher extends PhraseMatcher {
  private final PostingsEnum first;
  private final PostingsEnum second;
  private final int firstOffset;
  private final int secondOffset;
  private final int slop;
  private final boolean captureLead;
  private final DocIdSetIterator approximation;
  private final ImpactsDISI impactsApproximation;
  // Positions minus the terms' offsets in the phrase, as PhrasePositions holds them.
  private int firstPosition;
  private int secondPosition;
  private int firstLeft;
  private int secondLeft;
  private int end;
  private int matchLength;
  private boolean positioned;
  private boolean leadIsFirst = true; // as Lucene's leadOrd 0 when leads are not captured
  private int leadPosition;
  private int leadStartOffset;
  private int leadEndOffset;

  /**
   * The matcher of {@code first} at {@code firstOffset} in the phrase and {@code second} (another
   * term) at {@code secondOffset}, as {@link SloppyPhraseMatcher} with the same arguments.
   */
  public DepechePairMatcher(PostingsEnum first, int firstOffset, PostingsEnum second, int secondOffset, int slop,
      SimScorer scorer, float matchCost, boolean captureLeadMatch) {
    super(matchCost);
    this.first = first;
    this.second = second;
    this.firstOffset = firstOffset;
    this.secondOffset = secondOffset;
    this.slop = slop;
    this.captureLead = captureLeadMatch;
    approximation = ConjunctionUtils.intersectIterators(List.of(first, second));
    // Lucene's dummy impacts for sloppy phrases: any frequency, norm 1.
    ImpactsSource impacts = new ImpactsSource() {
      @Override
      public Impacts getImpacts() {
        FreqAndNormBuffer buffer = new FreqAndNormBuffer();
        buffer.add(Integer.MAX_VALUE, 1L);
        return new Impacts() {
          @Override
          public int numLevels() {
            return 1;
          }

          @Override
          public FreqAndNormBuffer getImpacts(int level) {
            return buffer;
          }

          @Override
          public int getDocIdUpTo(int level) {
            return DocIdSetIterator.NO_MORE_DOCS;
          }
        };
      }

      @Override
      public void advanceShallow(int target) {}
    };
    impactsApproximation = new ImpactsDISI(approximation, new MaxScoreCache(impacts, scorer));
  }

  @Override
  DocIdSetIterator approximation() {
    return approximation;
  }

  @Override
  ImpactsDISI impactsApproximation() {
    return impactsApproximation;
  }

  @Override
  float maxFreq() throws IOException {
    float max = 0;
    max += first.freq();
    max += second.freq();
    return max;
  }

  @Override
  public void resetPositions() throws IOException {
    firstLeft = first.freq() - 1;
    firstPosition = first.nextPosition() - firstOffset;
    secondLeft = second.freq() - 1;
    secondPosition = second.nextPosition() - secondOffset;
    end = Math.max(firstPosition, secondPosition);
    positioned = true;
    matchLength = Integer.MAX_VALUE;
    leadPosition = Integer.MAX_VALUE;
  }

  @Override
  float sloppyWeight() {
    return 1f / (1f + matchLength);
  }

  @Override
  public boolean nextMatch() throws IOException {
    if (!positioned) {
      return false;
    }
    // Lucene's queue: the lesser position, then the lesser offset, then the first term.
    boolean onFirst = firstPosition != secondPosition
        ? firstPosition < secondPosition : firstOffset <= secondOffset;
    captureLead(onFirst);
    int position = onFirst ? firstPosition : secondPosition;
    int next = onFirst ? secondPosition : firstPosition;
    matchLength = end - position;
    while (true) { // advance the lead until it passes the other, keeping the shortest match
      if (onFirst) {
        if (firstLeft-- <= 0) {
          break;
        }
        position = firstPosition = first.nextPosition() - firstOffset;
      } else {
        if (secondLeft-- <= 0) {
          break;
        }
        position = secondPosition = second.nextPosition() - secondOffset;
      }
      end = Math.max(end, position);
      if (position > next) {
        if (matchLength <= slop) {
          return true;
        }
        onFirst = !onFirst;
        next = position;
        position = onFirst ? firstPosition : secondPosition;
        matchLength = end - position;
      } else {
        matchLength = Math.min(matchLength, end - position);
      }
      captureLead(onFirst);
    }
    positioned = false;
    return matchLength <= slop;
  }

  private void captureLead(boolean onFirst) throws IOException {
    if (captureLead) {
      leadIsFirst = onFirst;
      PostingsEnum lead = onFirst ? first : second;
      leadPosition = onFirst ? firstPosition + firstOffset : secondPosition + secondOffset;
      leadStartOffset = lead.startOffset();
      leadEndOffset = lead.endOffset();
    }
  }

  @Override
  int startPosition() {
    return Math.min(leadPosition, Math.min(firstPosition + firstOffset, secondPosition + secondOffset));
  }

  @Override
  int endPosition() {
    return Math.max(leadPosition, leadIsFirst ? secondPosition + secondOffset : firstPosition + firstOffset);
  }

  @Override
  int startOffset() throws IOException {
    return Math.min(leadStartOffset, Math.min(first.startOffset(), second.startOffset()));
  }

  @Override
  int endOffset() throws IOException {
    return Math.max(leadEndOffset, leadIsFirst ? second.endOffset() : first.endOffset());
  }
}
