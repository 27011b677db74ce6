package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** {@link DocFreqs} gives the index's counts and asks the index once per term. */
class DocFreqsTest {
  @Test
  void givesTheIndexCountAskingTheIndexOncePerTerm() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (String word : new String[] {"tigre", "tigre", "lion"}) {
          Document d = new Document();
          d.add(new StringField("f", word, Field.Store.NO));
          w.addDocument(d);
          w.commit(); // one segment each: a look-up seeks in every segment
        }
      }
      AtomicInteger asked = new AtomicInteger();
      try (DirectoryReader reader = counting(DirectoryReader.open(dir), asked)) {
        DocFreqs docFreqs = new DocFreqs(reader);
        assertEquals(2, docFreqs.of(new Term("f", "tigre")));
        assertEquals(1, docFreqs.of(new Term("f", "lion")));
        assertEquals(0, docFreqs.of(new Term("f", "ours")));
        int once = asked.get();
        assertTrue(once >= 3 * 3, "three terms looked up in three segments: " + once);
        assertEquals(2, docFreqs.of(new Term("f", "tigre")));
        assertEquals(1, docFreqs.of(new Term("f", "lion")));
        assertEquals(0, docFreqs.of(new Term("f", "ours")));
        assertEquals(once, asked.get(), "the same terms again are not looked up");
      }
    }
  }

  /** The reader, counting the look-ups of a field's terms in each segment (one per docFreq). */
  static DirectoryReader counting(DirectoryReader in, AtomicInteger asked) throws IOException {
    return new FilterDirectoryReader(in, new FilterDirectoryReader.SubReaderWrapper() {
      @Override
      public LeafReader wrap(LeafReader reader) {
        return new FilterLeafReader(reader) {
          @Override
          public Terms terms(String field) throws IOException {
            asked.incrementAndGet();
            return super.terms(field);
          }

          @Override
          public CacheHelper getCoreCacheHelper() {
            return null;
          }

          @Override
          public CacheHelper getReaderCacheHelper() {
            return null;
          }
        };
      }
    }) {
      @Override
      protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) {
        return in;
      }

      @Override
      public CacheHelper getReaderCacheHelper() {
        return null;
      }
    };
  }
}
