package org.depeche.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.depeche.analysis.FrenchNewsAnalyzer;

/**
 * The bare-Lucene baseline depeche is measured against: the same analyzer, one Lucene document per
 * paragraph (its text and its article's title in one field, not stored; its id stored), a plain
 * {@link IndexWriter} loop, and a plain {@link IndexSearcher} BM25 top-k of the query's words. No
 * passages logic, no snippets, no query syntax.
 *
 * <p>Run alone, it is also the "naive bare-Lucene process" of the start-up figure:
 * {@code java -cp … org.depeche.bench.LuceneBaseline INDEX QUERY} opens the index, runs one query
 * and prints the ids of the top 10.
 *
 * <p>Not thread-safe for indexing; {@link Searcher} is thread-safe.
 */
final class LuceneBaseline {
  static final String TEXT = "text";
  static final String ID = "id";
  /** Paragraphs handed to an indexing thread at a time. */
  private static final int BATCH = 64;

  private static final ObjectMapper JSON = new ObjectMapper();

  private LuceneBaseline() {}

  /** One query from the command line, printed as passage ids: the naive start-up baseline. */
  public static void main(String[] args) throws IOException {
    try (Searcher searcher = new Searcher(Path.of(args[0]))) {
      for (String id : searcher.search(String.join(" ", List.of(args).subList(1, args.length)), 10)) {
        System.out.println(id);
      }
    }
  }

  /**
   * Indexes the paragraphs of JSONL(.gz) corpus files into {@code dir}, on the reading thread
   * ({@code threads} 1) or on {@code threads} threads fed by the reading thread.
   *
   * @return the number of documents (paragraphs) indexed
   */
  static long index(List<Path> inputs, Path dir, int threads) throws Exception {
    Analyzer analyzer = new FrenchNewsAnalyzer();
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setSimilarity(new BM25Similarity(0.9f, 0.4f))
        .setRAMBufferSizeMB(128);
    long count = 0;
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config)) {
      if (threads == 1) {
        for (Path input : inputs) {
          count += read(input, doc -> writer.addDocument(doc));
        }
      } else {
        BlockingQueue<List<Document>> queue = new ArrayBlockingQueue<>(256);
        List<Thread> workers = new ArrayList<>();
        Exception[] failure = new Exception[1];
        for (int t = 0; t < threads; t++) {
          workers.add(Thread.ofPlatform().start(() -> {
            try {
              for (List<Document> batch = queue.take(); !batch.isEmpty(); batch = queue.take()) {
                writer.addDocuments(batch);
              }
            } catch (Exception e) {
              synchronized (failure) {
                failure[0] = e;
              }
            }
          }));
        }
        AtomicReference<List<Document>> batch = new AtomicReference<>(new ArrayList<>());
        for (Path input : inputs) {
          count += read(input, doc -> {
            batch.get().add(doc);
            if (batch.get().size() == BATCH) {
              queue.put(batch.getAndSet(new ArrayList<>()));
            }
          });
        }
        queue.put(batch.get());
        for (int t = 0; t < threads; t++) {
          queue.put(List.of());
        }
        for (Thread w : workers) {
          w.join();
        }
        if (failure[0] != null) {
          throw failure[0];
        }
      }
      writer.commit();
    }
    return count;
  }

  interface DocSink {
    void accept(Document doc) throws Exception;
  }

  static long read(Path input, DocSink sink) throws Exception {
    long count = 0;
    try (InputStream raw = Files.newInputStream(input);
        InputStream in = input.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while ((line = lines.readLine()) != null) {
        JsonNode article = JSON.readTree(line);
        String id = article.path("id").asText();
        String title = article.path("title").asText("");
        String[] paragraphs = article.path("text").asText("").split("\n\n");
        for (int n = 0; n < paragraphs.length; n++) {
          if (paragraphs[n].isBlank()) {
            continue;
          }
          Document doc = new Document();
          doc.add(new StoredField(ID, id + "#" + n));
          doc.add(new TextField(TEXT, paragraphs[n], Field.Store.NO));
          doc.add(new TextField(TEXT, title, Field.Store.NO));
          sink.accept(doc);
          count++;
        }
      }
    }
    return count;
  }

  /** A plain BM25 top-k searcher over a baseline index. Thread-safe. */
  static final class Searcher implements AutoCloseable {
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final QueryBuilder queries = new QueryBuilder(new FrenchNewsAnalyzer());

    Searcher(Path dir) throws IOException {
      reader = DirectoryReader.open(FSDirectory.open(dir));
      searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity(0.9f, 0.4f));
    }

    /** Returns the ids of the best {@code k} documents for the words of {@code text}. */
    List<String> search(String text, int k) throws IOException {
      Query query = queries.createBooleanQuery(TEXT, text);
      if (query == null) {
        return List.of();
      }
      TopDocs top = searcher.search(query, k);
      StoredFields stored = searcher.storedFields();
      List<String> ids = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        ids.add(stored.document(sd.doc).get(ID));
      }
      return ids;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
