package org.depeche.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.Transition;

/**
 * The UTF-8 form of a deterministic automaton over code points: on valid UTF-8, the language of the
 * byte automaton {@link CompiledAutomaton} makes of it (Lucene's {@code UTF32ToUTF8}), in fewer
 * states. Give it to {@code new CompiledAutomaton(utf8, finite, false, true)}, which then skips its
 * own conversion. The two differ only on byte strings no term can be (Lucene's accepts some
 * overlong encodings, {@code E0 80 80}, after ranges that span several lengths; this one none), as
 * an index's terms are valid UTF-8.
 *
 * <p>Lucene's conversion gives each code-point range its own chain of continuation-byte states, so a
 * spell check's automaton, where nearly every state has "any other letter" ranges between the
 * word's letters, grows about seven times. Here the states reading {@code k} arbitrary continuation
 * bytes (80–BF) before a state are shared by every range that leads there, and so are those after
 * the lead bytes E0, F0 and F4 (whose valid continuations begin above 80 or end below BF); only a
 * lead byte whose continuations go to different states (a word's accented letter inside an "other
 * letter" range) gets a state of its own. Code points are encoded as Lucene encodes them, surrogates included.
 *
 * <p>Stateless and thread-safe.
 */
final class Utf8Automaton {
  /** The first and last code point of each UTF-8 length, 1 to 4 bytes. */
  private static final int[] FIRST = {0, 0x80, 0x800, 0x10000};
  private static final int[] LAST = {0x7F, 0x7FF, 0xFFFF, Character.MAX_CODE_POINT};
  /** The marker bits of a lead byte, by length. */
  private static final int[] LEAD = {0, 0xC0, 0xE0, 0xF0};

  private Utf8Automaton() {}

  /** Returns the deterministic byte automaton accepting the UTF-8 encodings of what {@code codePoints} accepts. */
  static Automaton of(Automaton codePoints) {
    if (!codePoints.isDeterministic()) {
      throw new IllegalArgumentException("the automaton must be deterministic");
    }
    return new Converter(codePoints).convert();
  }

  /** One conversion: each code-point state keeps its number; the byte states come after them. */
  private static final class Converter {
    private final Automaton in;
    private final Automaton out = new Automaton();
    /** The byte states of one source state, by their parent state and the byte read to reach them. */
    private final Map<Long, Integer> children = new HashMap<>();
    /** The state reading k continuation bytes before a state, by the state and k. */
    private final Map<Long, Integer> continuations = new HashMap<>();
    /** The states after a lead byte read whole, by the state they lead to and the byte. */
    private final Map<Long, Integer> wholeLeads = new HashMap<>();
    /** The transitions [from, min, max, to] of one source state and the states made for it. */
    private final List<int[]> pending = new ArrayList<>();

    Converter(Automaton in) {
      this.in = in;
    }

    Automaton convert() {
      int states = in.getNumStates();
      for (int s = 0; s < states; s++) {
        out.createState();
        out.setAccept(s, in.isAccept(s));
      }
      Transition t = new Transition();
      for (int s = 0; s < states; s++) {
        int count = in.initTransition(s, t);
        for (int i = 0; i < count; i++) {
          in.getNextTransition(t);
          for (int length = 1; length <= 4; length++) {
            int lo = Math.max(t.min, FIRST[length - 1]);
            int hi = Math.min(t.max, LAST[length - 1]);
            if (lo <= hi) {
              split(s, lo, hi, length, 0, t.dest);
            }
          }
        }
        // Automaton takes each state's transitions together, once.
        pending.sort(Comparator.comparingInt(p -> p[0]));
        for (int[] p : pending) {
          out.addTransition(p[0], p[3], p[1], p[2]);
        }
        pending.clear();
        children.clear();
      }
      out.finishState();
      return out;
    }

    /**
     * Adds the transitions from {@code node}, the state after the first {@code j} bytes that the
     * code points {@code lo} to {@code hi} (all of {@code length} bytes) share, to {@code dest}.
     */
    private void split(int node, int lo, int hi, int length, int j, int dest) {
      int first = byteAt(lo, length, j);
      int last = byteAt(hi, length, j);
      if (j == length - 1) {
        pending.add(new int[] {node, first, last, dest});
        return;
      }
      if (first == last) {
        split(child(node, first), lo, hi, length, j + 1, dest);
        return;
      }
      // The bits the bytes after this one carry: lo starts its byte's subtree when they are all 0,
      // hi ends its byte's when they are all 1; the bytes in between are read whole.
      int rest = (1 << 6 * (length - 1 - j)) - 1;
      if ((lo & rest) != 0) {
        if (lo == FIRST[length - 1]) {
          pending.add(new int[] {node, first, first, whole(first, lo, lo | rest, length, dest)});
        } else {
          split(child(node, first), lo, lo | rest, length, j + 1, dest);
        }
        first++;
      }
      if ((hi & rest) != rest) {
        if (hi == LAST[length - 1]) {
          pending.add(new int[] {node, last, last, whole(last, hi & ~rest, hi, length, dest)});
        } else {
          split(child(node, last), hi & ~rest, hi, length, j + 1, dest);
        }
        last--;
      }
      if (first <= last) {
        pending.add(new int[] {node, first, last, continuation(dest, length - 1 - j)});
      }
    }

    /** The state {@code node} goes to on byte {@code b}, made when new. */
    private int child(int node, int b) {
      long key = (long) node << 8 | b;
      Integer known = children.get(key);
      if (known != null) {
        return known;
      }
      int s = out.createState();
      pending.add(new int[] {node, b, b, s});
      children.put(key, s);
      return s;
    }

    /**
     * The state after lead byte {@code lead} whose code points, {@code lo} to {@code hi}, all go to
     * {@code dest}: E0, F0 and F4, whose valid continuations are not all of 80–BF, read whole by a
     * range. Made once per {@code dest} and lead byte, as no other range reaches into it.
     */
    private int whole(int lead, int lo, int hi, int length, int dest) {
      long key = (long) dest << 8 | lead;
      Integer known = wholeLeads.get(key);
      if (known != null) {
        return known;
      }
      int s = out.createState();
      wholeLeads.put(key, s);
      split(s, lo, hi, length, 1, dest);
      return s;
    }

    /** The state that reads {@code k} continuation bytes, then is at {@code dest}. */
    private int continuation(int dest, int k) {
      if (k == 0) {
        return dest;
      }
      long key = (long) dest << 2 | k;
      Integer known = continuations.get(key);
      if (known != null) {
        return known;
      }
      int next = continuation(dest, k - 1);
      int s = out.createState();
      pending.add(new int[] {s, 0x80, 0xBF, next});
      continuations.put(key, s);
      return s;
    }

    /** Byte {@code j} of the UTF-8 encoding of {@code cp}, {@code length} bytes long. */
    private static int byteAt(int cp, int length, int j) {
      int below = cp >> 6 * (length - 1 - j);
      return j == 0 ? LEAD[length - 1] | below : 0x80 | below & 0x3F;
    }
  }
}
