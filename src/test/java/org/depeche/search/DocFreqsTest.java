package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.depeche.analysis.FrenchNewsAnalyzer;
import org.depeche.index.Schema;
import org.junit.jupiter.api.Test;

/**
 * {@link DocFreqs} gives the index's counts and asks the index once per term, and the queries
 * compiled with it share its look-ups.
 */
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

  @Test
  void theTermAndSpanQueriesOfAWordShareItsLookUp() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new FrenchNewsAnalyzer()))) {
        Document d = new Document();
        d.add(new TextField(Schema.TEXT, "Le tigre et le lion", Field.Store.NO));
        w.addDocument(d);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        DocFreqs docFreqs = new DocFreqs(reader);
        // Two words: each is a scored term and a span of the all-words bonus.
        Query query = QueryCompiler.compile(QueryParser.parse("tigre lion"), new FrenchNewsAnalyzer(), docFreqs,
            true, 0.3f).query();
        List<Query> leaves = new ArrayList<>();
        query.visit(new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... terms) {
            leaves.add(q);
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
        int terms = 0;
        int spans = 0;
        for (Query q : leaves) {
          if (q instanceof TermQuery t && t.getTerm().field().equals(Schema.TEXT)) {
            assertSame(docFreqs.states(t.getTerm()), t.getTermStates(), t.toString());
            terms++;
          } else if (q instanceof SpanTermQuery t) {
            assertSame(docFreqs.states(t.getTerm()), t.getTermStates(), t.toString());
            spans++;
          }
        }
        assertEquals(2, terms, query.toString());
        assertEquals(2, spans, query.toString());
        for (Query q : leaves) {
          if (q instanceof TermQuery t && t.getTerm().field().equals(Schema.TEXT)) {
            TermStates states = t.getTermStates();
            assertEquals(1, states.docFreq(), "looked up with the statistics a scored term needs: " + t);
            assertTrue(states.totalTermFreq() > 0, t.toString());
          }
        }
      }
    }
  }

  /** The reader, counting the look-ups of a field's terms in each segment (one per docFreq). */
  static DirectoryReader counting(DirectoryReader in, AtomicInteger asked) throws IOException {
    return withTerms(in, terms -> {
      asked.incrementAndGet();
      return terms;
    });
  }

  /**
   * The reader whose segments give each field's terms (null for a field they lack) through {@code
   * wrap}; nothing is cached across readers, so no cache holds the wrapped terms' results.
   */
  static DirectoryReader withTerms(DirectoryReader in, UnaryOperator<Terms> wrap) throws IOException {
    return new FilterDirectoryReader(in, new FilterDirectoryReader.SubReaderWrapper() {
      @Override
      public LeafReader wrap(LeafReader reader) {
        return new FilterLeafReader(reader) {
          @Override
          public Terms terms(String field) throws IOException {
            return wrap.apply(super.terms(field));
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
