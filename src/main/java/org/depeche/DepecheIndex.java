package org.depeche;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.depeche.IndexUnavailableException.Reason;
import org.depeche.corpus.ArticleSink;
import org.depeche.corpus.CorpusReader;
import org.depeche.corpus.Problem;
import org.depeche.corpus.ReadSummary;
import org.depeche.index.ArticleWorkers;
import org.depeche.index.CorpusSync;
import org.depeche.index.IndexChecker;
import org.depeche.index.Schema;
import org.depeche.passage.Passage;
import org.depeche.passage.PassageSplitter;
import org.depeche.passage.quote.QuoteFinder;
import org.depeche.search.PassageSearch;
import org.depeche.search.QueryParser;
import org.depeche.search.QuoteSearch;

/**
 * A depeche index: French news articles cut into passages, ranked against keyword searches.
 *
 * <p>{@link #open(Path)} opens an existing index for searching; {@link #openForWriting(Path)} also
 * adds articles, creating the index when there is none. Only one process at a time may write an
 * index; any number may search it. Searches see the last commit of their own index at once, and
 * another process's commits within {@linkplain #REFRESH_EVERY_NANOS a second} or after {@link
 * #refresh()}.
 *
 * <pre>{@code
 * try (DepecheIndex index = DepecheIndex.openForWriting(Path.of("index"))) {
 *   index.add(Article.builder("mali").title("Le Royaume-Uni quitte le Mali").text("…").build());
 *   index.commit();
 *   SearchResults results = index.search("responsabilité Bamako");
 *   results.hits().forEach(hit -> System.out.println(hit.passageId() + " " + hit.snippet()));
 * }
 * }</pre>
 *
 * <p>Thread-safe: one instance serves searches from many threads while one or more threads add
 * articles and commit. Searches see the state of the last commit, never uncommitted additions.
 */
public final class DepecheIndex implements Closeable {
  /**
   * At most this long between two commits of an {@link #addFiles} run once a file has been read
   * whole since the last commit: what a run stopped by force may lose. A file still being read is
   * read again by the next run whether or not some of its articles were committed, so a run does
   * not commit in the middle of a file: such a commit would only show searches part of the file,
   * and it flushes one segment per indexing thread, which every search then pays for (per-segment
   * set-up: docs/performance-history.md, "Fewer segments from a bulk run (seg16)") unless a merge
   * rewrites them.
   */
  static final long COMMIT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

  /**
   * The most heap the writer's buffer of added documents may take before it writes a segment:
   * 1× OrangeSum (34,352 articles) takes 232 MB, so a run from empty with 2 threads leaves one
   * segment per thread, while a larger corpus still writes segments of a bounded size.
   */
  static final int MAX_RAM_BUFFER_MB = 320;

  /** The threads {@link #addFiles(List, IndexingListener)} adds articles on: one per processor. */
  public static final int DEFAULT_INDEXING_THREADS = Runtime.getRuntime().availableProcessors();

  private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * An index opened for searching only looks for another process's new commit at most this often,
   * on a search: looking reads the directory and the commit, a few percent of a short search.
   */
  public static final long REFRESH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Path path;
  private final Directory directory;
  private final TextAnalyzer analyzerChoice;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /** When a search-only index last looked for a new commit (it was opened on the latest one). */
  private final AtomicLong refreshedAt = new AtomicLong(System.nanoTime());

  /**
   * @param reader the reader of the latest commit, which a search-only index was opened with; null
   *     for one opened for writing
   */
  private DepecheIndex(Path path, Directory directory, TextAnalyzer analyzerChoice, Analyzer analyzer,
      IndexWriter writer, DirectoryReader reader) throws IOException {
    this.path = path;
    this.directory = directory;
    this.analyzerChoice = analyzerChoice;
    this.analyzer = analyzer;
    this.writer = writer;
    SearcherFactory factory = new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader r, IndexReader previous) {
        IndexSearcher searcher = new IndexSearcher(r);
        searcher.setSimilarity(Schema.similarity());
        return searcher;
      }
    };
    // Read the directory's commits, not the writer's buffer: searches see only committed states.
    this.searchers = reader != null ? new SearcherManager(reader, factory) : new SearcherManager(directory, factory);
  }

  /**
   * Opens the index at {@code dir} for searching, with the analyzer it was built with.
   *
   * @throws IndexUnavailableException when there is no index at {@code dir}, or not a depeche index
   *     of this version
   */
  public static DepecheIndex open(Path dir) {
    Directory directory = null;
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw notADirectory(dir);
      }
      if (!Files.isDirectory(dir)) {
        throw missing(dir);
      }
      directory = FSDirectory.open(dir);
      // The commit is read once, for its user data and the searches, not once for each; no commit
      // is an IndexNotFoundException.
      DirectoryReader reader = DirectoryReader.open(directory);
      try {
        TextAnalyzer choice = checkCompatible(dir, reader.getIndexCommit().getUserData());
        return new DepecheIndex(dir, directory, choice, Schema.analyzer(choice), null, reader);
      } catch (IOException | RuntimeException e) {
        reader.close();
        throw e;
      }
    } catch (IndexNotFoundException e) {
      closeQuietly(directory);
      throw missing(dir);
    } catch (IOException e) {
      closeQuietly(directory);
      throw new DepecheException("cannot open index " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(directory);
      throw e;
    }
  }

  /**
   * Opens the index at {@code dir} for writing and searching with the analyzer it was built with,
   * creating the directory and an empty index with the {@linkplain TextAnalyzer#DEPECHE default
   * analyzer} when there is none.
   *
   * @throws IndexUnavailableException when another process is writing the index, or {@code dir}
   *     holds something that is not a depeche index of this version
   */
  public static DepecheIndex openForWriting(Path dir) {
    return openForWriting(dir, null);
  }

  /**
   * Opens the index at {@code dir} for writing and searching, creating the directory and an empty
   * index built with {@code analyzer} when there is none.
   *
   * @param analyzer the analyzer to index with; null for the index's own, or the default for a new
   *     index
   * @throws IndexUnavailableException when another process is writing the index, {@code dir} holds
   *     something that is not a depeche index of this version, or an index built with another
   *     analyzer
   */
  public static DepecheIndex openForWriting(Path dir, TextAnalyzer analyzer) {
    return open(dir, analyzer, false);
  }

  /**
   * Creates a new, empty index at {@code dir} built with {@code analyzer}, in place of the depeche
   * index there, whatever its schema version or analyzer: the way forward when an upgrade or
   * another analyzer makes an index unusable. The old index stays whole until the new, empty one is
   * committed, which this does before returning. A directory holding anything but a depeche index
   * (another program's Lucene index, other files) is refused and left as it is.
   *
   * @param analyzer the analyzer to index with; null for the default
   * @throws IndexUnavailableException when another process is writing the index, or {@code dir}
   *     holds something that is not a depeche index
   */
  public static DepecheIndex create(Path dir, TextAnalyzer analyzer) {
    return open(dir, analyzer, true);
  }

  private static DepecheIndex open(Path dir, TextAnalyzer analyzer, boolean create) {
    Directory directory = null;
    IndexWriter writer = null;
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw notADirectory(dir);
      }
      Files.createDirectories(dir);
      if (!Files.isWritable(dir)) {
        throw new IndexUnavailableException(Reason.READ_ONLY, dir,
            "index " + dir + " is read-only: depeche cannot write it");
      }
      directory = FSDirectory.open(dir);
      boolean exists = DirectoryReader.indexExists(directory);
      TextAnalyzer choice = analyzer == null ? TextAnalyzer.DEPECHE : analyzer;
      if (exists && create) {
        if (SegmentInfos.readLatestCommit(directory).getUserData().get(Schema.COMMIT_SCHEMA) == null) {
          throw new IndexUnavailableException(Reason.INCOMPATIBLE, dir,
              dir + " holds a Lucene index that depeche did not write");
        }
      } else if (exists) {
        TextAnalyzer built = checkCompatible(dir, SegmentInfos.readLatestCommit(directory).getUserData());
        if (analyzer != null && analyzer != built) {
          throw new IndexUnavailableException(Reason.INCOMPATIBLE, dir, "index " + dir
              + " was built with analyzer '" + built + "', not '" + analyzer
              + "': index into another directory, leave --analyzer out, or replace it with --recreate");
        }
        choice = built;
      } else if (holdsOtherFiles(dir)) {
        throw new IndexUnavailableException(Reason.INCOMPATIBLE, dir,
            dir + " is not empty and holds no depeche index; give an empty or new directory");
      }
      Analyzer lucene = Schema.analyzer(choice);
      // Segments as plain files, not packed into compound files (.cfs): packing copied every
      // flushed segment once more, twice the bytes written, for 3 % of indexing CPU
      // (docs/performance-history.md, "Compound files (cfs15)"). Without the ratio, a merge's
      // segment under a tenth of the index would still be packed.
      TieredMergePolicy merges = new TieredMergePolicy();
      merges.setNoCFSRatio(0.0);
      IndexWriterConfig config = new IndexWriterConfig(lucene)
          .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setSimilarity(Schema.similarity())
          .setRAMBufferSizeMB(ramBufferMB(Runtime.getRuntime().maxMemory()))
          .setUseCompoundFile(false)
          .setMergePolicy(merges);
      writer = new IndexWriter(directory, config);
      if (!exists || create) {
        commit(writer, choice);
      }
      return new DepecheIndex(dir, directory, choice, lucene, writer, null);
    } catch (LockObtainFailedException e) {
      closeQuietly(directory);
      throw new IndexUnavailableException(Reason.LOCKED, dir,
          "index " + dir + " is being written by another process", e);
    } catch (IOException e) {
      closeQuietly(writer);
      closeQuietly(directory);
      throw new DepecheException("cannot open index " + dir + " for writing: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(writer);
      closeQuietly(directory);
      throw e;
    }
  }

  /**
   * Checks the index at {@code dir}: Lucene's {@code CheckIndex} on every segment, then the schema
   * version and analyzer its last commit records, and that every article's passages are all there,
   * each once. What {@code depeche check} runs. Needs the index to itself: no writer may run.
   *
   * <pre>{@code
   * DepecheIndex.check(Path.of("index")).healthy();   // true
   * }</pre>
   *
   * @throws IndexUnavailableException when there is no index at {@code dir}, or another process is
   *     writing it
   */
  public static IndexHealth check(Path dir) {
    if (!exists(dir)) {
      throw missing(dir);
    }
    try (Directory directory = FSDirectory.open(dir)) {
      return IndexChecker.check(directory);
    } catch (LockObtainFailedException e) {
      throw new IndexUnavailableException(Reason.LOCKED, dir,
          "index " + dir + " is being written by another process", e);
    } catch (IOException e) {
      throw new DepecheException("cannot check index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Returns whether {@code dir} holds a depeche index (of any version). */
  public static boolean exists(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Directory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns the directory of this index. */
  public Path path() {
    return path;
  }

  /**
   * Adds an article, or replaces the article with the same id. It is searchable after the next
   * {@link #commit()}.
   *
   * @return the number of passages the article was cut into
   * @throws IllegalStateException when the index was opened for searching only
   */
  public int add(Article article) {
    return add(article, null, List.of());
  }

  /** Adds an article read from {@code file}, noting the files whose copies it replaces. */
  private int add(Article article, String file, List<String> heldAlsoBy) {
    IndexWriter w = writer();
    List<Passage> passages = PassageSplitter.split(article);
    try {
      List<Document> docs =
          Schema.documents(article, passages, QuoteFinder.byPassage(article, passages), file, analyzer);
      Schema.noteHeldAlsoBy(docs, heldAlsoBy);
      w.updateDocuments(new Term(Schema.ARTICLE_ID, article.id()), docs);
    } catch (IOException e) {
      throw new DepecheException("cannot index article " + article.id() + ": " + e.getMessage(), e);
    }
    return passages.size();
  }

  /**
   * Brings the index in step with files and directories (see {@link CorpusReader} for the formats),
   * doing the least work: files indexed before and unchanged since (same content) are skipped,
   * changed files are indexed again, and the articles of files gone from the directories given are
   * removed; articles from elsewhere are left alone. Commits now and then, and at the end; a run
   * stopped at any moment loses nothing of the last commit, and the next run finishes the work.
   * Bad input is reported to the listener and skipped; everything good is indexed.
   *
   * <pre>{@code
   * IndexingSummary s = index.addFiles(List.of(Path.of("corpus")), IndexingListener.SILENT);
   * // run again after editing corpus/royaume-uni-retrait-mali.txt:
   * // s.updated() == 1, s.unchanged() == 200, s.added() == 0, s.removed() == 0
   * }</pre>
   *
   * @throws IllegalStateException when the index was opened for searching only
   */
  public IndexingSummary addFiles(List<Path> paths, IndexingListener listener) {
    return addFiles(paths, listener, DEFAULT_INDEXING_THREADS);
  }

  /**
   * Does what {@link #addFiles(List, IndexingListener)} does with {@code threads} threads adding
   * the articles while the calling thread reads; an article read twice still ends as the last one
   * read.
   *
   * @param threads how many threads add articles: 1 adds them on the calling thread
   * @throws IllegalArgumentException when {@code threads} is below 1
   * @throws IllegalStateException when the index was opened for searching only
   */
  public IndexingSummary addFiles(List<Path> paths, IndexingListener listener, int threads) {
    return index(paths, listener, false, threads);
  }

  /**
   * Makes the index hold exactly the articles of these files and directories: every file is read
   * again, whatever its fingerprint, and every article not read is removed, including those added
   * with {@link #add}. What {@code depeche index --full} does. The old articles stay searchable
   * until they are replaced or the run ends, and a run stopped half way loses nothing committed.
   *
   * @throws IllegalStateException when the index was opened for searching only
   */
  public IndexingSummary rebuild(List<Path> paths, IndexingListener listener) {
    return index(paths, listener, true, DEFAULT_INDEXING_THREADS);
  }

  /** An article to add, with the file it was read from and the files whose copies it replaces. */
  private record Read(Article article, String file, List<String> heldAlsoBy) {}

  private IndexingSummary index(List<Path> paths, IndexingListener listener, boolean full, int threads) {
    IndexWriter w = writer();
    long started = System.nanoTime();
    int[] warnings = new int[1];
    long[] lastProgress = {started};
    long[] lastCommit = {started};
    long[] recordedAtCommit = {0};
    ReadSummary read;
    CorpusSync.Counts counts;
    long passages;
    try (CorpusSync sync = new CorpusSync(w, directory, paths, full);
        ArticleWorkers<Read> workers = new ArticleWorkers<>(threads, r -> r.article().id(),
            r -> add(r.article(), r.file(), r.heldAlsoBy()))) {
      ArticleSink sink = article -> {
        List<String> heldAlsoBy = sync.read(article);
        workers.submit(new Read(article, sync.currentFile(), heldAlsoBy));
        long now = System.nanoTime();
        boolean filesDone = sync.filesRecorded() > recordedAtCommit[0];
        if (filesDone && now - lastCommit[0] >= COMMIT_EVERY_NANOS) {
          // A commit must hold every article handed over, since a file's record says it is indexed.
          workers.awaitIdle();
          commit();
          lastCommit[0] = now;
          recordedAtCommit[0] = sync.filesRecorded();
        }
        if (now - lastProgress[0] >= PROGRESS_EVERY_NANOS) {
          lastProgress[0] = now;
          listener.progress(workers.articles(), workers.passages());
        }
      };
      Consumer<Problem> problems = problem -> {
        if (problem.severity() == Problem.Severity.WARNING) {
          warnings[0]++;
        }
        sync.problem(problem);
        listener.problem(problem);
      };
      read = new CorpusReader().read(paths, sync, sink, problems);
      workers.finish();
      long[] restored = {0};
      counts = sync.finish((article, file, heldAlsoBy) -> restored[0] += add(article, file, heldAlsoBy),
          problems);
      passages = workers.passages() + restored[0];
      commit();
    } catch (IOException e) {
      throw new DepecheException("indexing failed: " + e.getMessage(), e);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return new IndexingSummary(read.files() + counts.filesRestored(), counts.filesUnchanged(),
        read.filesSkipped() + counts.filesSkipped(), counts.added(), counts.updated(), counts.unchanged(),
        counts.removed(), passages, read.recordsSkipped() + counts.recordsSkipped(),
        warnings[0], millis);
  }

  /**
   * Makes everything added so far durable and visible to searches.
   *
   * @throws IllegalStateException when the index was opened for searching only
   */
  public void commit() {
    IndexWriter w = writer();
    try {
      commit(w, analyzerChoice);
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new DepecheException("cannot commit index " + path + ": " + e.getMessage(), e);
    }
  }

  /** Searches with the {@linkplain SearchOptions#defaults() default options}. */
  public SearchResults search(String query) {
    return search(query, SearchOptions.defaults());
  }

  /**
   * Ranks the passages against a query (see {@link QueryParser} for the syntax), with the filters,
   * order, grouping and extras of the options.
   *
   * @throws QuerySyntaxException when the query is malformed
   */
  public SearchResults search(String query, SearchOptions options) {
    IndexSearcher searcher = acquire();
    try {
      return PassageSearch.search(searcher, analyzer, query, options);
    } catch (IOException e) {
      throw new DepecheException("search failed on index " + path + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /**
   * Ranks the passages of other articles that are most like the passage {@code passageId}: the same
   * story told by another article. The options' filters, order and grouping apply.
   *
   * <pre>{@code
   * index.similar("royaume-uni-retrait-mali.txt#0", SearchOptions.defaults().withPerArticle(1));
   * }</pre>
   *
   * @throws NoSuchPassageException when the index holds no such passage
   */
  public SearchResults similar(String passageId, SearchOptions options) {
    IndexSearcher searcher = acquire();
    try {
      return PassageSearch.similar(searcher, analyzer, passageId, options);
    } catch (IOException e) {
      throw new DepecheException("search failed on index " + path + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }
  /**
   * Returns the quotations of the passages that best match {@code query} (see {@link
   * #search(String, SearchOptions)}), at most {@code options.limit()}, in the order of their
   * passages: with a {@linkplain SearchOptions#speaker() speaker}, only that speaker's; with a blank
   * query, in index order.
   *
   * <pre>{@code
   * index.quotes("Bamako", SearchOptions.defaults().withSpeaker("Heappey"));
   * }</pre>
   *
   * @throws QuerySyntaxException when the query is malformed
   */
  public List<Quote> quotes(String query, SearchOptions options) {
    IndexSearcher searcher = acquire();
    try {
      return QuoteSearch.quotes(searcher, analyzer, query, options);
    } catch (IOException e) {
      throw new DepecheException("search failed on index " + path + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /**
   * Returns who is quoted in the index and how often, most quoted first (then by name).
   * Unattributed quotations are not counted.
   */
  public List<SpeakerCount> speakers() {
    IndexSearcher searcher = acquire();
    try {
      return QuoteSearch.speakers(searcher);
    } catch (IOException e) {
      throw new DepecheException("cannot read index " + path + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }


  /** Returns what the index holds as of its last commit. */
  public IndexStats stats() {
    IndexSearcher searcher = acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      long articles = searcher.count(Schema.articles());
      long terms = 0;
      Terms t = MultiTerms.getTerms(reader, Schema.TEXT);
      if (t != null) {
        TermsEnum e = t.iterator();
        while (e.next() != null) {
          terms++;
        }
      }
      long size = 0;
      for (String file : directory.listAll()) {
        if (!file.startsWith(".") && !file.equals(IndexWriter.WRITE_LOCK_NAME)) {
          try {
            size += directory.fileLength(file);
          } catch (NoSuchFileException | FileNotFoundException e) {
            // A writer deleted it (merged away, or an older commit) after listAll: no longer on disk.
          }
        }
      }
      IndexCommit commit = reader.getIndexCommit();
      Map<String, String> data = commit.getUserData();
      String time = data.get(Schema.COMMIT_TIME);
      return new IndexStats(articles, searcher.count(Schema.passages()), terms, size, data.get(Schema.COMMIT_ANALYZER),
          time == null ? null : Instant.parse(time));
    } catch (IOException e) {
      throw new DepecheException("cannot read index " + path + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /** Closes the index, committing nothing: call {@link #commit()} first to keep what was added. */
  @Override
  public void close() {
    try {
      searchers.close();
      if (writer != null) {
        writer.rollback();
      }
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes the next searches see the last commit now, including one made by another process since
   * this index was opened (they otherwise see it within {@link #REFRESH_EVERY_NANOS}).
   */
  public void refresh() {
    try {
      refreshedAt.set(System.nanoTime());
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new DepecheException("cannot read index " + path + ": " + e.getMessage(), e);
    }
  }

  private IndexSearcher acquire() {
    try {
      long last = refreshedAt.get();
      long now = System.nanoTime();
      // One search refreshes; the others go on with the searcher they have.
      if (writer == null && now - last >= REFRESH_EVERY_NANOS && refreshedAt.compareAndSet(last, now)) {
        searchers.maybeRefresh();
      }
      return searchers.acquire();
    } catch (IOException e) {
      throw new DepecheException("cannot read index " + path + ": " + e.getMessage(), e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("index " + path + " was opened for searching only");
    }
    return writer;
  }

  /**
   * The writer's buffer for a heap of at most {@code maxHeapBytes}: a third of it, up to {@link
   * #MAX_RAM_BUFFER_MB}, so that a small heap still has room for the rest of a run (the reading,
   * the analysis, the flush of a full buffer).
   */
  static double ramBufferMB(long maxHeapBytes) {
    return Math.min(MAX_RAM_BUFFER_MB, maxHeapBytes / 3.0 / (1024 * 1024));
  }

  private static void commit(IndexWriter writer, TextAnalyzer analyzer) throws IOException {
    writer.setLiveCommitData(Map.of(
        Schema.COMMIT_SCHEMA, Schema.VERSION,
        Schema.COMMIT_ANALYZER, analyzer.id(),
        Schema.COMMIT_TIME, Instant.now().toString()).entrySet());
    writer.commit();
  }

  /** Returns the analyzer the index was built with, when this depeche can read the index. */
  private static TextAnalyzer checkCompatible(Path dir, Map<String, String> userData) {
    String schema = userData.get(Schema.COMMIT_SCHEMA);
    if (schema == null) {
      throw new IndexUnavailableException(Reason.INCOMPATIBLE, dir,
          dir + " holds a Lucene index that depeche did not write");
    }
    if (!schema.equals(Schema.VERSION)) {
      throw new IndexUnavailableException(Reason.INCOMPATIBLE, dir, "index " + dir
          + " has schema version " + schema + "; this depeche needs version " + Schema.VERSION
          + ": build it anew with 'depeche index --recreate'");
    }
    String analyzer = userData.get(Schema.COMMIT_ANALYZER);
    try {
      return TextAnalyzer.of(analyzer);
    } catch (IllegalArgumentException e) {
      throw new IndexUnavailableException(Reason.INCOMPATIBLE, dir,
          "index " + dir + " was built with analyzer '" + analyzer + "', which this depeche does not have");
    }
  }

  private static boolean holdsOtherFiles(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.anyMatch(f -> !f.getFileName().toString().startsWith(".")
          && !f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME));
    }
  }

  private static IndexUnavailableException notADirectory(Path dir) {
    return new IndexUnavailableException(Reason.INCOMPATIBLE, dir, dir + " is a file, not an index directory");
  }

  private static IndexUnavailableException missing(Path dir) {
    return new IndexUnavailableException(Reason.MISSING, dir,
        "no index at " + dir + "; run 'depeche index' first");
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException | RuntimeException ignored) {
        // Already failing: the first error is the one worth reporting.
      }
    }
  }
}
