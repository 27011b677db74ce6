package org.depeche.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.UnicodeUtil;

/**
 * A proof, made before any Levenshtein automaton of a text is built, that no term of a field is
 * within a number of edits of the text and begins with its first letter: then the spell checker
 * (which requires that first letter, {@code DirectSpellChecker}'s minimum prefix of 1) has no
 * candidate, and {@link ClosestTerm} answers at once.
 *
 * <p>The automata of a long text of many distinct letters (a pasted Korean or Thai paragraph, a
 * long URL) take tens of milliseconds each to build, while the terms they could accept are few:
 * those that begin with the text's first letter, are at most {@code edits} letters longer or
 * shorter, and whose letters differ from the text's by at most {@code edits} (each insertion,
 * deletion or substitution adds or removes at most one letter on each side of the count, a
 * transposition none). The proof walks the terms beginning with the first letter in each segment
 * and tests those two bounds; it is exact: a text it proves hopeless has no term within
 * {@code edits} edits, so the checker's answer, none, is unchanged.
 *
 * <p>The walk is only worth it for texts whose automata are dear, and only up to a number of terms
 * whose walk costs less than they do: building them is about linear in the text's length times its
 * distinct letters ({@code EditAutomaton}), so the walk is allowed {@value #TERMS_PER_UNIT} terms
 * per unit of that product, and texts below {@value #WORTH_CHECKING} (most words of a language)
 * are not walked at all. When the walk runs out of terms it proves nothing.
 *
 * <p>Thread-safe: stateless.
 */
final class NoCloseTerm {
  /**
   * The least length times distinct letters of a text worth the walk: a French word of 20 letters
   * and 10 distinct ones; below it the automata take well under a millisecond.
   */
  static final int WORTH_CHECKING = 200;

  /** How many terms the walk may read per unit of length times distinct letters. */
  static final int TERMS_PER_UNIT = 64;

  private NoCloseTerm() {}

  /**
   * Whether no term of {@code field}, other than {@code text} itself, begins with the first letter
   * of {@code text} and is within {@code edits} insertions, deletions, substitutions or
   * transpositions of it; false also when that was not worth proving or could not be proved
   * within the walk's budget.
   */
  static boolean proved(IndexReader reader, String field, String text, int edits) throws IOException {
    int[] letters = text.codePoints().toArray();
    int n = letters.length;
    if (n == 0) {
      return false;
    }
    int[] sorted = letters.clone();
    Arrays.sort(sorted);
    int distinct = 1;
    for (int i = 1; i < n; i++) {
      distinct += sorted[i] != sorted[i - 1] ? 1 : 0;
    }
    long cost = (long) n * distinct;
    if (cost < WORTH_CHECKING) {
      return false;
    }
    long budget = cost * TERMS_PER_UNIT;
    BytesRef prefix = new BytesRef(new String(letters, 0, 1));
    BytesRef self = new BytesRef(text);
    // A code point takes one to four bytes in UTF-8.
    int minBytes = n - edits;
    long maxBytes = 4L * (n + edits);
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum e = terms.iterator();
      if (e.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
        continue;
      }
      for (BytesRef t = e.term(); t != null && StringHelper.startsWith(t, prefix); t = e.next()) {
        if (--budget < 0) {
          return false;
        }
        if (t.length < minBytes || t.length > maxBytes || t.bytesEquals(self)) {
          continue;
        }
        int m = UnicodeUtil.codePointCount(t);
        if (Math.abs(m - n) <= edits && lettersApart(sorted, t) <= edits) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A lower bound of the edits between a text (its letters sorted) and a term: the larger of the
   * number of the text's letters the term lacks and the number of the term's letters the text
   * lacks, counted with repetitions.
   */
  private static int lettersApart(int[] sorted, BytesRef term) {
    int[] other = term.utf8ToString().codePoints().sorted().toArray();
    int i = 0;
    int j = 0;
    int onlyText = 0;
    int onlyTerm = 0;
    while (i < sorted.length && j < other.length) {
      if (sorted[i] == other[j]) {
        i++;
        j++;
      } else if (sorted[i] < other[j]) {
        onlyText++;
        i++;
      } else {
        onlyTerm++;
        j++;
      }
    }
    return Math.max(onlyText + sorted.length - i, onlyTerm + other.length - j);
  }
}
