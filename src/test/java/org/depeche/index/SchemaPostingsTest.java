package org.depeche.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.depeche.Article;
import org.depeche.TextAnalyzer;
import org.depeche.corpus.CorpusReader;
import org.depeche.passage.Passage;
import org.depeche.passage.PassageSplitter;
import org.depeche.passage.quote.QuoteFinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Schema#documents} analyzes each text once and replays its tokens for the other fields
 * that hold it; the index must not tell: every analyzed field holds exactly the terms, documents,
 * frequencies, positions and norms it holds when each field is analyzed from its own text, on the
 * shipped corpus.
 */
class SchemaPostingsTest {
  private static final List<String> ANALYZED = List.of(Schema.TEXT, Schema.WORDS,
      Schema.ARTICLE_TEXT, Schema.SOURCE, Schema.SPEAKER);

  @ParameterizedTest
  @EnumSource(TextAnalyzer.class)
  void analyzedFieldsHoldTheSamePostingsAsFieldsAnalyzedFromTheirText(TextAnalyzer choice) throws IOException {
    List<Article> articles = new ArrayList<>();
    new CorpusReader().read(List.of(Path.of("corpus")), articles::add, problem -> {});
    assertTrue(articles.size() > 100, "the shipped corpus is read");
    Analyzer analyzer = Schema.analyzer(choice);
    try (Directory replayed = new ByteBuffersDirectory(); Directory analyzed = new ByteBuffersDirectory()) {
      try (IndexWriter a = writer(replayed, analyzer); IndexWriter b = writer(analyzed, analyzer)) {
        for (Article article : articles) {
          List<Passage> passages = PassageSplitter.split(article);
          List<Document> docs = Schema.documents(article, passages,
              QuoteFinder.byPassage(article, passages), null, analyzer);
          a.addDocuments(docs);
          b.addDocuments(analyzedFromText(docs, article, passages));
        }
      }
      try (DirectoryReader r1 = DirectoryReader.open(replayed); DirectoryReader r2 = DirectoryReader.open(analyzed)) {
        LeafReader one = r1.leaves().getFirst().reader();
        LeafReader two = r2.leaves().getFirst().reader();
        assertEquals(1, r1.leaves().size());
        for (String field : ANALYZED) {
          assertSamePostings(field, one, two);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TextAnalyzer.class, names = {"DEPECHE", "DEPECHE_LIGHT"})
  void wordsComeFromTheAnalysisOfTheTextAndTitle(TextAnalyzer choice) throws IOException {
    List<Article> articles = new ArrayList<>();
    new CorpusReader().read(List.of(Path.of("corpus")), articles::add, problem -> {});
    Map<String, Integer> analyses = new HashMap<>();
    Analyzer counting = new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      private final Analyzer schema = Schema.analyzer(choice);

      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return schema;
      }

      @Override
      protected Reader wrapReader(String fieldName, Reader reader) {
        analyses.merge(fieldName, 1, Integer::sum);
        return reader;
      }
    };
    try (Directory dir = new ByteBuffersDirectory(); IndexWriter w = writer(dir, counting)) {
      for (Article article : articles) {
        List<Passage> passages = PassageSplitter.split(article);
        w.addDocuments(Schema.documents(article, passages, QuoteFinder.byPassage(article, passages), null, counting));
      }
    }
    assertTrue(analyses.get(Schema.TEXT) > 2 * articles.size(), "each passage's text is analyzed");
    assertNull(analyses.get(Schema.WORDS), "neither passages nor titles are analyzed again for " + Schema.WORDS);
  }

  @ParameterizedTest
  @EnumSource(value = TextAnalyzer.class, names = {"DEPECHE", "DEPECHE_LIGHT"})
  void aPassageDocumentGivesEachOfItsWordsOnce(TextAnalyzer choice) throws IOException {
    Article article = new Article("chat", "Le chat noir du voisin", null, null, null, null,
        List.of("Le chat dort, le chat mange ; le voisin dort.", "Un autre paragraphe, sans chat."));
    Analyzer analyzer = Schema.analyzer(choice);
    List<Passage> passages = PassageSplitter.split(article);
    List<Document> docs = Schema.documents(article, passages, QuoteFinder.byPassage(article, passages), null,
        analyzer);
    for (int i = 0; i < passages.size(); i++) {
      List<String> given = wordsGiven(docs.get(i), analyzer);
      assertEquals(new HashSet<>(given).size(), given.size(), "no word twice: " + given);
      assertEquals(new HashSet<>(terms(analyzer, passages.get(i).text() + "\n\n" + article.title())),
          new HashSet<>(given));
    }
  }

  /** The terms the document's {@link Schema#WORDS} fields give, its fields read in order as the index does. */
  private static List<String> wordsGiven(Document doc, Analyzer analyzer) throws IOException {
    List<String> words = new ArrayList<>();
    for (IndexableField f : doc) {
      if (f.fieldType().indexOptions() == IndexOptions.NONE || !f.fieldType().tokenized()) {
        continue;
      }
      try (TokenStream ts = f.tokenStream(analyzer, null)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          if (f.name().equals(Schema.WORDS)) {
            words.add(term.toString());
          }
        }
        ts.end();
      }
    }
    return words;
  }

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Schema.WORDS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    }
    return terms;
  }

  @org.junit.jupiter.api.Test
  void speakersArePhrasesWithoutNormsForAFilterThatNeverScores() throws IOException {
    Analyzer analyzer = Schema.analyzer(TextAnalyzer.DEPECHE);
    Article article = Article.builder("q").title("Sommet")
        .paragraph("« Le contingent quittera le pays plus tôt que prévu », a indiqué le secrétaire d’Etat "
            + "aux forces armées James Heappey devant la Chambre des Communes.").build();
    List<Passage> passages = PassageSplitter.split(article);
    try (Directory dir = new ByteBuffersDirectory(); IndexWriter w = writer(dir, analyzer)) {
      w.addDocuments(Schema.documents(article, passages, QuoteFinder.byPassage(article, passages), null, analyzer));
      w.commit();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        LeafReader leaf = r.leaves().getFirst().reader();
        var info = leaf.getFieldInfos().fieldInfo(Schema.SPEAKER);
        assertTrue(info != null, "the speaker is indexed");
        assertTrue(info.omitsNorms(), "no norms");
        assertEquals(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, info.getIndexOptions(), "positions, for a name");
        assertNull(leaf.getNormValues(Schema.SPEAKER));
      }
    }
  }

  private static IndexWriter writer(Directory dir, Analyzer analyzer) throws IOException {
    // One segment, documents in the order added: doc ids line up between the two indexes.
    return new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(Schema.similarity())
        .setMaxBufferedDocs(1_000_000).setRAMBufferSizeMB(IndexWriterConfig.DISABLE_AUTO_FLUSH));
  }

  /** The same documents, each analyzed field given as its text, as Lucene analyzes it by default. */
  private static List<Document> analyzedFromText(List<Document> docs, Article article, List<Passage> passages) {
    List<Document> out = new ArrayList<>();
    FieldType words = new FieldType();
    words.setIndexOptions(IndexOptions.DOCS);
    words.setTokenized(true);
    words.setOmitNorms(true);
    FieldType names = new FieldType(TextField.TYPE_NOT_STORED);
    names.setOmitNorms(true);
    for (int i = 0; i < docs.size(); i++) {
      Document doc = new Document();
      for (IndexableField f : docs.get(i)) {
        if (!ANALYZED.contains(f.name())) {
          doc.add(f);
        }
      }
      if (i < passages.size()) {
        doc.add(new TextField(Schema.TEXT, passages.get(i).text(), Field.Store.NO));
        doc.add(new Field(Schema.WORDS, passages.get(i).text(), words));
        if (article.title() != null) {
          doc.add(new TextField(Schema.TEXT, article.title(), Field.Store.NO));
          doc.add(new Field(Schema.WORDS, article.title(), words));
        }
        if (article.source() != null) {
          doc.add(new TextField(Schema.SOURCE, article.source(), Field.Store.NO));
        }
        for (IndexableField speaker : docs.get(i).getFields(Schema.SPEAKER)) {
          doc.add(new Field(Schema.SPEAKER, speaker.stringValue(), names));
        }
      } else {
        StringBuilder text = new StringBuilder();
        for (Passage p : passages) {
          text.append(p.text()).append("\n\n");
        }
        doc.add(new TextField(Schema.ARTICLE_TEXT, text.toString(), Field.Store.NO));
        if (article.title() != null) {
          doc.add(new TextField(Schema.ARTICLE_TEXT, article.title(), Field.Store.NO));
        }
      }
      out.add(doc);
    }
    return out;
  }

  private static void assertSamePostings(String field, LeafReader one, LeafReader two) throws IOException {
    Terms t1 = one.terms(field);
    Terms t2 = two.terms(field);
    assertTrue(t2 == null || t2.size() > 0);
    if (t1 == null || t2 == null) {
      assertEquals(t2 == null, t1 == null, field);
      return;
    }
    assertEquals(t2.size(), t1.size(), field + ": number of terms");
    assertEquals(t2.getSumTotalTermFreq(), t1.getSumTotalTermFreq(), field);
    TermsEnum e1 = t1.iterator();
    TermsEnum e2 = t2.iterator();
    PostingsEnum p1 = null;
    PostingsEnum p2 = null;
    boolean positions = one.getFieldInfos().fieldInfo(field).getIndexOptions()
        .compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
    for (BytesRef term = e2.next(); term != null; term = e2.next()) {
      assertEquals(term.utf8ToString(), e1.next().utf8ToString(), field);
      p1 = e1.postings(p1, PostingsEnum.ALL);
      p2 = e2.postings(p2, PostingsEnum.ALL);
      for (int doc = p2.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = p2.nextDoc()) {
        String where = field + ":" + term.utf8ToString() + " in doc " + doc;
        assertEquals(doc, p1.nextDoc(), where);
        assertEquals(p2.freq(), p1.freq(), where);
        for (int k = 0; positions && k < p2.freq(); k++) {
          assertEquals(p2.nextPosition(), p1.nextPosition(), where);
        }
      }
      assertEquals(DocIdSetIterator.NO_MORE_DOCS, p1.nextDoc(), field);
    }
    NumericDocValues n1 = one.getNormValues(field);
    NumericDocValues n2 = two.getNormValues(field);
    assertEquals(n2 == null, n1 == null, field + " norms");
    if (n2 != null) {
      for (int doc = n2.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = n2.nextDoc()) {
        assertEquals(doc, n1.nextDoc(), field + " norms");
        assertEquals(n2.longValue(), n1.longValue(), field + " norm of doc " + doc);
      }
    }
  }
}
