package org.depeche.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
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
import org.depeche.corpus.CorpusReader;
import org.depeche.corpus.FileGate;
import org.depeche.corpus.Problem;
import org.depeche.corpus.ReadSummary;

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
 * <p><b>An id held by several files.</b> The index holds one copy of an article id: the one read
 * last (in a run, in reading order; across runs, the one of the latest run that read it). A copy
 * that replaced another file's copy notes that file ({@link Schema#HELD_ALSO_BY}), in the same
 * documents, so the note is committed with the copy. When the copy's file drops the id (the file is
 * changed, or gone), the copy of the last of those files still recorded and not read in the run
 * comes back: {@link #finish} reads it again, for those ids only. Until then the dropped copy stays,
 * and the changed file's record waits, so a run stopped before the end reads that file again and
 * finds the id dropped again. Those files are read latest first, an earlier one only for the ids
 * the later ones no longer hold; one that cannot be read then loses its record, so that a later run
 * reads it again and the id comes back. This costs nothing when no id leaves a file that way.
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
  /** The ids read in this run, with the file each was last read from. */
  private final Map<String, String> read = new HashMap<>();
  /** Of the ids read in this run, those whose last copy read replaced other files' copies: which. */
  private final Map<String, List<String>> heldAlsoBy = new HashMap<>();
  private final Set<String> readHere = new HashSet<>();
  private final Set<String> before = new HashSet<>();
  /** Of {@link #before}, the ids whose indexed copy had replaced other files' copies: which. */
  private final Map<String, List<String>> beforeHeldAlsoBy = new HashMap<>();
  private final Set<String> removed = new HashSet<>();
  /** The files opened for reading in this run (not those skipped as unchanged). */
  private final Set<String> opened = new HashSet<>();
  /** Ids dropped by their copy's file, whose copy another file may give back: see {@link #finish}. */
  private final Map<String, Dropped> dropped = new LinkedHashMap<>();
  /** The records of files read whole that dropped such an id, written once it is given back. */
  private final Map<String, String> waitingRecords = new LinkedHashMap<>();
  /** The {@link Schema#FILE} of each document of the last commit, made when first needed. */
  private String[] fileByDoc;
  private String file;
  private String fingerprint;
  private int filesUnchanged;
  private int filesRestored;
  private int restoreFilesSkipped;
  private int restoreRecordsSkipped;
  private long filesRecorded;
  private long added;
  private long updated;
  private long unchanged;

  /**
   * What a run did to the articles and files.
   *
   * @param filesUnchanged files skipped because their fingerprint had not changed
   * @param filesRestored recorded files read again at the end of the run to give back ids their
   *     indexed copy's file dropped
   * @param filesSkipped of those, the files that could not be read (their problems were reported)
   * @param recordsSkipped the bad lines of those files (their problems were reported)
   * @param added articles read whose id the index did not hold
   * @param updated articles read whose id the index held
   * @param unchanged articles of the files skipped
   * @param removed articles the index held that are gone: their file is gone, or no longer holds them
   */
  public record Counts(int filesUnchanged, int filesRestored, int filesSkipped, int recordsSkipped, long added,
      long updated, long unchanged, long removed) {}

  /** Adds an article read again to give back an id: what the run does with the articles it reads. */
  @FunctionalInterface
  public interface Restorer {
    /**
     * Adds {@code article}, read from {@code file}, noting the files in {@code heldAlsoBy}.
     *
     * @throws IOException when the index cannot be written
     */
    void add(Article article, String file, List<String> heldAlsoBy) throws IOException;
  }

  /** An id its copy's file dropped, the file, and the files the copy had replaced, oldest first. */
  private record Dropped(String file, List<String> heldAlsoBy, boolean deleted) {}

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
    beforeHeldAlsoBy.clear();
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
    opened.add(key);
    before.addAll(articleIds(articlesOf(key), beforeHeldAlsoBy));
    if (recorded != null && !recorded.equals(fingerprint)) {
      writer.deleteDocuments(new Term(Schema.FILE_RECORD, key));
    }
    return true;
  }

  @Override
  public void done(Path path, boolean clean) throws IOException {
    if (clean && fingerprint != null) {
      boolean waits = false;
      for (String id : before) {
        if (readHere.contains(id)) {
          continue;
        }
        List<String> others = beforeHeldAlsoBy.get(id);
        if (others != null && !full && !read.containsKey(id)) {
          // Another file may still hold it: its copy replaces this one at the end of the run.
          dropped.put(id, new Dropped(file, others, false));
          waits = true;
        } else {
          writer.deleteDocuments(articleOf(file, id));
          removed.add(id);
        }
      }
      if (waits) {
        waitingRecords.put(file, fingerprint);
      } else {
        writer.updateDocument(new Term(Schema.FILE_RECORD, file), Schema.fileRecord(file, fingerprint));
        filesRecorded++;
      }
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

  /**
   * Counts an article read in this run, from the {@linkplain #currentFile() current file}, and
   * returns the other files whose copies of its id it replaces, oldest first, to be noted with it
   * ({@link Schema#HELD_ALSO_BY}): usually none.
   */
  public List<String> read(Article article) throws IOException {
    String id = article.id();
    if (!before.isEmpty()) {
      // Only compared with what the file held before: a file new to the index needs no list.
      readHere.add(id);
    }
    String earlier = read.put(id, file);
    List<String> others;
    if (earlier == null) {
      if (before.contains(id)) {
        updated++;
        others = beforeHeldAlsoBy.getOrDefault(id, List.of());
      } else if (searcher.count(new TermQuery(new Term(Schema.ARTICLE_ID, id))) > 0) {
        updated++;
        others = heldAlsoByIndexedCopy(id);
      } else {
        added++;
        others = List.of();
      }
    } else {
      others = heldAlsoBy.getOrDefault(id, List.of());
      if (!earlier.equals(file)) {
        others = appended(others, earlier);
      }
    }
    if (others.contains(file)) {
      others = new ArrayList<>(others);
      others.remove(file);
    }
    if (others.isEmpty()) {
      heldAlsoBy.remove(id);
    } else {
      heldAlsoBy.put(id, others);
    }
    return others;
  }

  /** Hears a problem of the run: a file or directory that could not be read is not taken for gone. */
  public void problem(Problem problem) {
    if (problem.severity() == Problem.Severity.ERROR && problem.line() == 0) {
      troubled.add(normalized(problem.file()));
    }
  }

  /**
   * Removes the articles of the files gone (and, in a full run, every article not read), gives
   * back the ids dropped by their copy's file that another recorded file still holds (reading
   * those files again, for those ids only, and handing their copies to {@code restorer}), and
   * returns the counts. Call once, after the read and after every article read has been added;
   * the caller commits.
   *
   * @param problems hears the problems of the files read again
   */
  public Counts finish(Restorer restorer, Consumer<Problem> problems) throws IOException {
    Set<String> kept = new HashSet<>();
    Set<String> forgotten = new HashSet<>();
    List<String> records = liveTerms(Schema.FILE_RECORD);
    for (String key : records) {
      if (visited.contains(key)) {
        continue;
      }
      Path recorded = Path.of(key);
      boolean gone = full || roots.stream().anyMatch(recorded::startsWith);
      if (gone && troubled.stream().noneMatch(recorded::startsWith)) {
        forget(key);
        forgotten.add(key);
      } else {
        kept.addAll(articleIds(articlesOf(key), null));
      }
    }
    if (!dropped.isEmpty()) {
      Set<String> holders = new HashSet<>(records);
      holders.removeAll(forgotten);
      holders.removeAll(opened);
      restore(holders, restorer, problems);
    }
    for (Map.Entry<String, String> r : waitingRecords.entrySet()) {
      writer.updateDocument(new Term(Schema.FILE_RECORD, r.getKey()), Schema.fileRecord(r.getKey(), r.getValue()));
      filesRecorded++;
    }
    if (full) {
      for (String id : liveTerms(Schema.ARTICLE_ID)) {
        if (!read.containsKey(id) && !kept.contains(id)) {
          removed.add(id);
          writer.deleteDocuments(new Term(Schema.ARTICLE_ID, id));
        }
      }
    }
    removed.removeAll(read.keySet());
    return new Counts(filesUnchanged, filesRestored, restoreFilesSkipped, restoreRecordsSkipped, added, updated,
        unchanged, removed.size());
  }

  @Override
  public void close() throws IOException {
    lastCommit.close();
  }

  /** Deletes a file's articles and record, noting the articles it held. */
  private void forget(String key) throws IOException {
    Map<String, List<String>> others = new HashMap<>();
    List<String> ids = articleIds(articlesOf(key), others);
    removed.addAll(ids);
    if (!full) {
      for (Map.Entry<String, List<String>> e : others.entrySet()) {
        if (!read.containsKey(e.getKey())) {
          dropped.put(e.getKey(), new Dropped(key, e.getValue(), true));
        }
      }
    }
    writer.deleteDocuments(new Term(Schema.FILE, key), new Term(Schema.FILE_RECORD, key));
  }

  /**
   * Gives back each dropped id from the last of the files its copy had replaced that is among
   * {@code holders} (recorded, not gone, not read in this run) and still holds it; deletes the
   * dropped copy of the others. The files are read latest first, and an earlier one only for the
   * ids the later ones no longer hold: dropping an id that many files held reads one of them.
   */
  private void restore(Set<String> holders, Restorer restorer, Consumer<Problem> problems) throws IOException {
    // Each id's candidates, latest first.
    Map<String, ArrayDeque<String>> candidates = new LinkedHashMap<>();
    for (Map.Entry<String, Dropped> e : dropped.entrySet()) {
      if (read.containsKey(e.getKey())) {
        continue; // read again from another file after its file dropped it: that copy stands
      }
      ArrayDeque<String> latestFirst = new ArrayDeque<>();
      for (String holder : e.getValue().heldAlsoBy().reversed()) {
        if (holders.contains(holder) && Files.isRegularFile(Path.of(holder))) {
          latestFirst.add(holder);
        }
      }
      if (!latestFirst.isEmpty()) {
        candidates.put(e.getKey(), latestFirst);
      }
    }
    Set<String> restored = new HashSet<>();
    while (!candidates.isEmpty()) {
      // A round reads each file once, for the ids it is the latest candidate of.
      Map<String, Set<String>> wanted = new LinkedHashMap<>();
      for (Map.Entry<String, ArrayDeque<String>> c : candidates.entrySet()) {
        wanted.computeIfAbsent(c.getValue().getFirst(), h -> new LinkedHashSet<>()).add(c.getKey());
      }
      for (Map.Entry<String, Set<String>> w : wanted.entrySet()) {
        String holder = w.getKey();
        Set<String> ids = w.getValue();
        boolean text = holder.endsWith(".txt");
        filesRestored++;
        ReadSummary again = new CorpusReader().read(List.of(Path.of(holder)), FileGate.ALL, article -> {
          // A text file's id comes from the folder it was found under: it holds one article, the id's.
          for (String id : text ? ids : Set.of(article.id())) {
            if (ids.contains(id)) {
              // Of one file's copies the last added wins, as when the file is read in a run.
              List<String> others = dropped.get(id).heldAlsoBy();
              Article copy = text ? withId(article, id) : article;
              restorer.add(copy, holder, List.copyOf(others.subList(0, others.lastIndexOf(holder))));
              restored.add(id);
            }
          }
        }, problems);
        restoreFilesSkipped += again.filesSkipped();
        restoreRecordsSkipped += again.recordsSkipped();
        if (again.filesSkipped() > 0) {
          // Its ids are lost for now: unrecorded, it is read again, and gives them back, once it can be.
          writer.deleteDocuments(new Term(Schema.FILE_RECORD, holder));
        }
        for (String id : ids) {
          ArrayDeque<String> left = candidates.get(id);
          left.removeFirst();
          if (restored.contains(id) || left.isEmpty()) {
            candidates.remove(id);
          }
        }
      }
    }
    for (Map.Entry<String, Dropped> e : dropped.entrySet()) {
      String id = e.getKey();
      if (read.containsKey(id)) {
        continue;
      }
      if (restored.contains(id)) {
        updated++;
        removed.remove(id);
      } else {
        if (!e.getValue().deleted()) {
          writer.deleteDocuments(articleOf(e.getValue().file(), id));
        }
        removed.add(id);
      }
    }
  }

  private static Article withId(Article a, String id) {
    return a.id().equals(id) ? a : new Article(id, a.title(), a.date(), a.source(), a.url(), a.category(), a.paragraphs());
  }

  private static List<String> appended(List<String> files, String file) {
    List<String> all = new ArrayList<>(files.size() + 1);
    for (String f : files) {
      if (!f.equals(file)) {
        all.add(f);
      }
    }
    all.add(file);
    return all;
  }

  /**
   * The files the indexed copy of {@code id} (another file's, or one added through the library)
   * replaced, then that copy's own file: what a copy replacing it notes. Runs only when a file
   * holds an id it did not hold before, that another file's copy holds.
   */
  private List<String> heldAlsoByIndexedCopy(String id) throws IOException {
    Query copy = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Schema.ARTICLE_ID, id)), Occur.FILTER)
        .add(Schema.articles(), Occur.FILTER)
        .build();
    ScoreDoc[] hits = searcher.search(copy, 1).scoreDocs;
    if (hits.length == 0) {
      return List.of();
    }
    int doc = hits[0].doc;
    List<String> others = List.of(searcher.storedFields().document(doc).getValues(Schema.HELD_ALSO_BY));
    String holder = fileOf(doc);
    return holder == null ? others : appended(others, holder);
  }

  /**
   * The {@link Schema#FILE} of a document of the last commit. The field is not stored: the first
   * call maps every document to its file in one pass over the field's terms, so that a run meeting
   * many ids shared with other files does not go over every term for each.
   */
  private String fileOf(int doc) throws IOException {
    if (fileByDoc == null) {
      fileByDoc = new String[lastCommit.maxDoc()];
      Terms terms = MultiTerms.getTerms(lastCommit, Schema.FILE);
      if (terms != null) {
        TermsEnum e = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = e.next(); term != null; term = e.next()) {
          String file = term.utf8ToString();
          postings = e.postings(postings, PostingsEnum.NONE);
          for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
            fileByDoc[d] = file;
          }
        }
      }
    }
    return fileByDoc[doc];
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

  /**
   * The ids of the articles a query finds; when {@code heldAlsoBy} is given, it receives the
   * {@link Schema#HELD_ALSO_BY} files of those that have some.
   */
  private List<String> articleIds(Query query, Map<String, List<String>> heldAlsoBy) throws IOException {
    int n = searcher.count(query);
    if (n == 0) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    List<String> ids = new ArrayList<>(n);
    for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
      Document doc = stored.document(sd.doc);
      String id = doc.get(Schema.ARTICLE_ID);
      ids.add(id);
      if (heldAlsoBy != null) {
        String[] others = doc.getValues(Schema.HELD_ALSO_BY);
        if (others.length > 0) {
          heldAlsoBy.put(id, List.of(others));
        }
      }
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
