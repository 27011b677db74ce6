package org.depeche.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.depeche.Article;
import org.depeche.TextAnalyzer;
import org.depeche.passage.Passage;
import org.depeche.passage.PassageSplitter;
import org.depeche.passage.quote.QuoteFinder;
import org.junit.jupiter.api.Test;

class PassageRecordTest {
  private static final Article MALI = Article.builder("mali.txt")
      .title("Le Royaume-Uni va retirer ses troupes du Mali")
      .date(LocalDate.of(2022, 11, 15))
      .source("AFP")
      .url("https://example.org/mali")
      .text("Premier paragraphe sur le Mali.\n\nSecond paragraphe, Bamako.\n\nTroisième et dernier.")
      .build();
  private static final Article BARE = Article.builder("bare.txt").text("Sans titre.\n\nNi date.").build();

  @Test
  void readsEachPassageWithItsArticlesMetadataInTheOrderAskedAcrossSegments() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      index(dir, List.of(MALI), List.of(BARE), List.of(MALI));   // the first MALI is replaced
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        int[] mali = docs(searcher, MALI.id());
        int[] bare = docs(searcher, BARE.id());
        assertEquals(3, mali.length);
        assertEquals(2, bare.length);
        int[] asked = {mali[2], bare[1], mali[0], bare[0], mali[1], mali[2]};
        PassageRecord[] records = PassageRecord.read(reader, asked);
        List<Passage> maliPassages = PassageSplitter.split(MALI);
        assertEquals(record(MALI, maliPassages.get(2)), records[0]);
        assertEquals(new PassageRecord("bare.txt", 1, null, null, null, null, "Ni date."), records[1]);
        assertEquals(record(MALI, maliPassages.get(0)), records[2]);
        assertEquals(new PassageRecord("bare.txt", 0, null, null, null, null, "Sans titre."), records[3]);
        assertEquals(record(MALI, maliPassages.get(1)), records[4]);
        assertEquals(records[0], records[5]);
        assertEquals("mali.txt#2", records[0].passageId());
      }
    }
  }

  @Test
  void keepsTheArticlesMetadataOnceOnItsOwnDocumentNotOnEachPassage() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      index(dir, List.of(MALI));
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        LeafReader leaf = reader.leaves().getFirst().reader();
        BinaryDocValues values = leaf.getBinaryDocValues(Schema.RECORD);
        List<String> withTitle = new ArrayList<>();
        int valued = 0;
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
          valued++;
          String bytes = values.binaryValue().utf8ToString();
          if (bytes.contains(MALI.title())) {
            withTitle.add(String.valueOf(doc));
          }
        }
        assertEquals(4, valued, "three passages and the article");
        assertEquals(List.of("3"), withTitle, "only the article's own document holds the title");
      }
    }
  }

  @Test
  void refusesAnArticlesOwnDocumentNamingIt() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      // Articles with and without metadata: their own documents' records start differently.
      index(dir, List.of(MALI), List.of(BARE));
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        // Each article's own document follows its passages.
        for (int article : new int[] {docs(searcher, MALI.id())[2] + 1, docs(searcher, BARE.id())[1] + 1}) {
          int passage = docs(searcher, MALI.id())[0];
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
              () -> PassageRecord.read(reader, new int[] {passage, article}));
          assertEquals("document " + article + " is not a passage's (an article's own document?)", e.getMessage());
        }
      }
    }
  }

  @Test
  void writesAPassageAsDataOutputWritesItsNumbersAndText() throws IOException {
    String longText = "é".repeat(100);
    for (String text : List.of("Bamako.", "Œuvre « citée » — 🇲🇱 fin", "seul \uD800 demi", longText)) {
      for (int[] numbers : new int[][] {{1, 0}, {300, 70_000}}) {
        ByteBuffersDataOutput expected = new ByteBuffersDataOutput();
        expected.writeVInt(numbers[0]);
        expected.writeVInt(numbers[1]);
        expected.writeString(text);
        BytesRef written = PassageRecord.passageField(new Passage("a", numbers[1], text), numbers[0]).binaryValue();
        assertArrayEquals(expected.toArrayCopy(), BytesRef.deepCopyOf(written).bytes, text);
      }
    }
  }

  private static PassageRecord record(Article a, Passage p) {
    return new PassageRecord(a.id(), p.number(), a.title(), a.date(), a.source(), a.url(), p.text());
  }

  private static int[] docs(IndexSearcher searcher, String articleId) throws IOException {
    List<Integer> docs = new ArrayList<>();
    for (int i = 0; ; i++) {
      ScoreDoc[] one = searcher.search(new TermQuery(new Term(Schema.PASSAGE_ID, articleId + "#" + i)), 1,
          Sort.INDEXORDER).scoreDocs;
      if (one.length == 0) {
        break;
      }
      docs.add(one[0].doc);
    }
    return docs.stream().mapToInt(Integer::intValue).toArray();
  }

  @SafeVarargs
  private static void index(Directory dir, List<Article>... commits) throws IOException {
    Analyzer analyzer = Schema.analyzer(TextAnalyzer.DEPECHE);
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(Schema.similarity()))) {
      for (List<Article> articles : commits) {
        for (Article a : articles) {
          List<Passage> passages = PassageSplitter.split(a);
          w.updateDocuments(new Term(Schema.ARTICLE_ID, a.id()),
              Schema.documents(a, passages, QuoteFinder.byPassage(a, passages), null, analyzer));
        }
        w.commit();
      }
    }
  }
}
