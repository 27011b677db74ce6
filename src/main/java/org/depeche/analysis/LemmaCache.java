package org.depeche.analysis;

import java.util.Arrays;

/**
 * The lemmas a {@link FrenchLemmaFilter} has found, by word: an open-addressing table whose slots
 * hold each key's hash, and each entry's key and lemma in one array.
 *
 * <pre>{@code
 * cache.put("faisait".toCharArray(), 7, "faire".toCharArray());
 * char[] entry = cache.get(term, length);   // the entry: lemma from cache.lemmaStart(entry)
 * }</pre>
 *
 * <p>Lucene's {@code CharArrayMap}, used before, reads a key's array at every slot it probes, and the
 * key and its value from three more arrays: with 100,000 words, each a cache miss, its look-up was
 * 6 % of an indexing run's samples. Here a probe compares hashes in one array, and a hit reads one
 * entry. Not thread-safe.
 */
final class LemmaCache {
  /** Slots kept at least twice the entries, so probes stay short. */
  private int[] hashes = new int[1024];
  private char[][] entries = new char[1024][];
  private int size;

  /** Returns the number of words held. */
  int size() {
    return size;
  }

  /** Forgets every word, keeping the table's size. */
  void clear() {
    Arrays.fill(hashes, 0);
    Arrays.fill(entries, null);
    size = 0;
  }

  /**
   * Returns the entry of {@code word[0..length)}, or null: the key's length, the key, then the
   * lemma, from {@link #lemmaStart} to the entry's end.
   */
  char[] get(char[] word, int length) {
    int hash = hash(word, length);
    int mask = hashes.length - 1;
    for (int slot = hash & mask; hashes[slot] != 0; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash && keyEquals(entries[slot], word, length)) {
        return entries[slot];
      }
    }
    return null;
  }

  /** Returns where the lemma starts in an entry that {@link #get} returned. */
  static int lemmaStart(char[] entry) {
    return entry[0] + 1;
  }

  /** Holds {@code lemma} for {@code word[0..length)}, which must not be held already. */
  void put(char[] word, int length, char[] lemma) {
    if (2 * (size + 1) > hashes.length) {
      grow();
    }
    char[] entry = new char[1 + length + lemma.length];
    entry[0] = (char) length;
    System.arraycopy(word, 0, entry, 1, length);
    System.arraycopy(lemma, 0, entry, 1 + length, lemma.length);
    insert(hash(word, length), entry);
    size++;
  }

  private void insert(int hash, char[] entry) {
    int mask = hashes.length - 1;
    int slot = hash & mask;
    while (hashes[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    entries[slot] = entry;
  }

  private void grow() {
    int[] oldHashes = hashes;
    char[][] oldEntries = entries;
    hashes = new int[oldHashes.length * 2];
    entries = new char[oldHashes.length * 2][];
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldHashes[i] != 0) {
        insert(oldHashes[i], oldEntries[i]);
      }
    }
  }

  private static boolean keyEquals(char[] entry, char[] word, int length) {
    return entry[0] == length && Arrays.equals(entry, 1, 1 + length, word, 0, length);
  }

  /** A hash of the word, never 0 (0 marks an empty slot), its bits mixed so that low bits choose. */
  private static int hash(char[] word, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + word[i];
    }
    h *= 0x9E3779B9;
    h ^= h >>> 16;
    return h == 0 ? 1 : h;
  }
}
