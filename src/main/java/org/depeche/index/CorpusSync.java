package org.depeche.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.depeche.Article;
import org.depeche.corpus.FileGate;
import org.depeche.corpus.Problem;

/**
 * One run that brings an index in step with corpus files, doing the least work: a file whose
 * bytes have the {@linkplain Fingerprint fingerprint} recorded when it was last indexed is not read
 * again; a changed file is read again, each of its articles replaced in one step, and those it no
 * longer holds removed once it has been read whole and without error; and at the end the articles
 * of files gone from the directories given are removed. A full run reads every file and then
 * removes every article it did not read. Searches never see an article missing because its file
 * is being read again.
 *
 * <p>For example, on an index of {@code corpus/} (files {@code a.txt}, {@code b.txt}), after
 * {@code a.txt} was edited and {@code b.txt} deleted, a run on {@code corpus/} reads {@code a.txt}
 * alone and counts 1 updated, 0 unchanged, 1 removed.
 *
 * <p><b>Safe to stop at any moment.</b> A file's record (its path and fingerprint) is written after
 * the file has been read whole and without error, and deleted as soon as the file is found
 * changed; so a run killed before it commits leaves the last commit as it was, and a run killed
 * after some commits leaves each file either recorded with all its articles, or unrecorded and read
 * again by the next run. A file that cannot be read, or is read with errors, keeps the articles it
 * no longer yields (the reader reports the errors). A file under a directory that could not be
 * listed is not taken for gone.
 *
 * <p>Each article read is counted once: added when its id was not in the index before the run,
 * updated when it was (the articles of a changed file count as updated even when their own text is
 * the same). Articles of unchanged files count as unchanged.
 *
 * <p>Not thread-safe: one run is driven by one thread, as {@link org.depeche.corpus.CorpusReader}
 * reads.
 */
public final class CorpusSync implements FileGate, Closeable {
  private final IndexWriter writer;
  private final DirectoryReader lastCommit;
  private final IndexSearcher searcher;
  private final List<Path> roots;
  private final boolean full;
  private final Set<String> visited = new HashSet<>();
  private final List<Path> troubled = new ArrayList<>();
  private final Set<String> read = new HashSet<>();
  private final Set<String> readHere = new HashSet<>();
  private final Set<String> before = new HashSet<>();
  private final Set<String> removed = new HashSet<>();
  private String file;
  private String fingerprint;
  private int filesUnchanged;
  private long filesRecorded;
  private long added;
  private long updated;
  private long unchanged;

  /**
   * What a run did to the articles and files.
   *
   * @param filesUnchanged files skipped because their fingerprint had not changed
   * @param added articles read whose id the index did not hold
   * @param updated articles read whose id the index held
   * @param unchanged articles of the files skipped
   * @param removed articles the index held that are gone: their file is gone, or no longer holds them
   */
  public record Counts(int filesUnchanged, long added, long updated, long unchanged, long removed) {}

  /**
   * Starts a run on {@code writer}, comparing against the last commit of {@code directory}.
   *
   * @param paths the files and directories the run reads; only under the directories among them are
   *     files taken for gone
   * @param full whether to read every file and keep only the articles read
   */
  public CorpusSync(IndexWriter writer, Directory directory, List<Path> paths, boolean full)
      throws IOException {
    this.writer = writer;
    this.lastCommit = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(lastCommit);
    this.roots = paths.stream().filter(Files::isDirectory).map(CorpusSync::normalized).toList();
    this.full = full;
  }

  /** Returns the {@link Schema#FILE} of the file being read, or null between files. */
  public String currentFile() {
    return file;
  }

  @Override
  public boolean open(Path path) throws IOException {
    String key = normalized(path).toString();
    if (!visited.add(key)) {
      // Given twice (a file and its folder, or a folder and its parent): read once per run.
      return false;
    }
    file = key;
    readHere.clear();
    before.clear();
    try {
      fingerprint = Fingerprint.of(path);
    } catch (IOException unreadable) {
      fingerprint = null;
      return true;
    }
    String recorded = recordedFingerprint(key);
    if (!full && fingerprint.equals(recorded)) {
      filesUnchanged++;
      unchanged += searcher.count(articlesOf(key));
      file = null;
      return false;
    }
    // The file's articles are replaced one by one as it is read, so that a search or a crash half
    // way still finds each of them; those it no longer holds go once it has been read. Its record
    // goes now, so that a run stopped before the end reads the file again.
    before.addAll(articleIds(articlesOf(key)));
    if (recorded != null && !recorded.equals(fingerprint)) {
      writer.deleteDocuments(new Term(Schema.FILE_RECORD, key));
    }
    return true;
  }

  @Override
  public void done(Path path, boolean clean) throws IOException {
    if (clean && fingerprint != null) {
      for (String id : before) {
        if (!readHere.contains(id)) {
          writer.deleteDocuments(articleOf(file, id));
          removed.add(id);
        }
      }
      writer.updateDocument(new Term(Schema.FILE_RECORD, file), Schema.fileRecord(file, fingerprint));
      filesRecorded++;
    }
    file = null;
    fingerprint = null;
  }

  /**
   * Returns how many files this run has recorded as indexed whole so far: what a commit makes
   * durable, since a run stopped before a file's record is committed reads that file again.
   */
  public long filesRecorded() {
    return filesRecorded;
  }

  /** Counts an article read in this run. */
  public void read(Article article) throws IOException {
    if (!before.isEmpty()) {
      // Only compared with what the file held before: a file new to the index needs no list.
      readHere.add(article.id());
    }
    if (read.add(article.id())) {
      if (searcher.count(new TermQuery(new Term(Schema.ARTICLE_ID, article.id()))) > 0) {
        updated++;
      } else {
        added++;
      }
    }
  }

  /** Hears a problem of the run: a file or directory that could not be read is not taken for gone. */
  public void problem(Problem problem) {
    if (problem.severity() == Problem.Severity.ERROR && problem.line() == 0) {
      troubled.add(normalized(problem.file()));
    }
  }

  /**
   * Removes the articles of the files gone (and, in a full run, every article not read), and
   * returns the counts. Call once, after the read; the caller commits.
   */
  public Counts finish() throws IOException {
    Set<String> kept = new HashSet<>();
    for (String key : liveTerms(Schema.FILE_RECORD)) {
      if (visited.contains(key)) {
        continue;
      }
      Path recorded = Path.of(key);
      boolean gone = full || roots.stream().anyMatch(recorded::startsWith);
      if (gone && troubled.stream().noneMatch(recorded::startsWith)) {
        forget(key);
      } else {
        kept.addAll(articleIds(articlesOf(key)));
      }
    }
    if (full) {
      for (String id : liveTerms(Schema.ARTICLE_ID)) {
        if (!read.contains(id) && !kept.contains(id)) {
          removed.add(id);
          writer.deleteDocuments(new Term(Schema.ARTICLE_ID, id));
        }
      }
    }
    removed.removeAll(read);
    return new Counts(filesUnchanged, added, updated, unchanged, removed.size());
  }

  @Override
  public void close() throws IOException {
    lastCommit.close();
  }

  /** Deletes a file's articles and record, noting the articles it held. */
  private void forget(String key) throws IOException {
    removed.addAll(articleIds(articlesOf(key)));
    writer.deleteDocuments(new Term(Schema.FILE, key), new Term(Schema.FILE_RECORD, key));
  }

  private String recordedFingerprint(String key) throws IOException {
    ScoreDoc[] hits = searcher.search(new TermQuery(new Term(Schema.FILE_RECORD, key)), 1).scoreDocs;
    return hits.length == 0 ? null : searcher.storedFields().document(hits[0].doc).get(Schema.FILE_FINGERPRINT);
  }

  private static Query articleOf(String key, String id) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Schema.FILE, key)), Occur.FILTER)
        .add(new TermQuery(new Term(Schema.ARTICLE_ID, id)), Occur.FILTER)
        .build();
  }

  private static Query articlesOf(String key) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Schema.FILE, key)), Occur.FILTER)
        .add(Schema.articles(), Occur.FILTER)
        .build();
  }

  private List<String> articleIds(Query query) throws IOException {
    int n = searcher.count(query);
    if (n == 0) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    List<String> ids = new ArrayList<>(n);
    for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
      ids.add(stored.document(sd.doc).get(Schema.ARTICLE_ID));
    }
    return ids;
  }

  /** The terms of a field that at least one live document of the last commit holds. */
  private List<String> liveTerms(String field) throws IOException {
    List<String> live = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(lastCommit, field);
    if (terms == null) {
      return live;
    }
    Bits liveDocs = MultiBits.getLiveDocs(lastCommit);
    TermsEnum e = terms.iterator();
    PostingsEnum postings = null;
    for (BytesRef term = e.next(); term != null; term = e.next()) {
      postings = e.postings(postings, PostingsEnum.NONE);
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (liveDocs == null || liveDocs.get(doc)) {
          live.add(term.utf8ToString());
          break;
        }
      }
    }
    return live;
  }

  private static Path normalized(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
