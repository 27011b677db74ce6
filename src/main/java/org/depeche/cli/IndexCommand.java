package org.depeche.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.depeche.DepecheIndex;
import org.depeche.IndexingListener;
import org.depeche.IndexingSummary;
import org.depeche.TextAnalyzer;
import org.depeche.corpus.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code depeche index}: reads articles from files and adds them to the index. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    header = "Index articles from .txt, .jsonl and .jsonl.gz files and directories.",
    description = "Reads each PATH (a directory is read recursively) and brings the index in step "
        + "with it: new and changed files are indexed, unchanged files (same content) are skipped, and "
        + "the articles of files gone from a directory given are removed. An article already indexed "
        + "under the same id is replaced. Problems with the input are reported one per line on stderr; "
        + "everything else is indexed, and the exit code is 4.")
final class IndexCommand implements Callable<Integer> {
  static final Path DEFAULT_CORPUS = Path.of("corpus");

  @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
      description = "The index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--analyzer", paramLabel = "NAME",
      description = "The analyzer of a new index: depeche (the default) or lucene-french (Lucene's "
          + "stock FrenchAnalyzer). It is recorded in the index, and searches use it; an existing "
          + "index built with another one is refused.")
  String analyzer;

  @Option(names = "--full",
      description = "Read every file again, and keep in the index only the articles read.")
  boolean full;

  @Option(names = "--recreate",
      description = "Start a new, empty index in place of the depeche index at --index, whatever "
          + "its version or analyzer (after an upgrade that changed the index, or to change the "
          + "analyzer), then read the files. A directory holding anything else is refused.")
  boolean recreate;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files or directories to index (default: corpus).")
  List<Path> paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<Path> inputs = paths == null || paths.isEmpty() ? List.of(DEFAULT_CORPUS) : paths;
    TextAnalyzer choice;
    try {
      choice = analyzer == null ? null : TextAnalyzer.of(analyzer);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--analyzer: " + e.getMessage());
    }
    return run(index, choice, inputs, full, recreate, spec.commandLine().getErr());
  }

  /**
   * Indexes the inputs into the index at dir, all again when full, into a new index when recreate,
   * reporting on err; returns the exit code.
   *
   * @param analyzer the analyzer, or null for the index's own (the default for a new index)
   */
  static int run(Path dir, TextAnalyzer analyzer, List<Path> inputs, boolean full, boolean recreate,
      PrintWriter err) {
    Progress progress = new Progress(err);
    IndexingSummary summary;
    try (DepecheIndex index = recreate ? DepecheIndex.create(dir, analyzer) : DepecheIndex.openForWriting(dir, analyzer)) {
      summary = full ? index.rebuild(inputs, progress) : index.addFiles(inputs, progress);
    }
    progress.clear();
    err.printf(Locale.ROOT, "indexed %s (%s) from %s%s into %s in %.1f s: %,d added, %,d updated, "
            + "%,d unchanged, %,d removed",
        count(summary.articles(), "article"), count(summary.passages(), "passage"),
        count(summary.files(), "file"),
        summary.filesUnchanged() > 0 ? String.format(Locale.ROOT, " (%,d unchanged)", summary.filesUnchanged()) : "",
        dir, summary.millis() / 1000.0, summary.added(), summary.updated(), summary.unchanged(),
        summary.removed());
    if (summary.filesSkipped() > 0 || summary.recordsSkipped() > 0 || summary.warnings() > 0) {
      err.print("; skipped " + count(summary.filesSkipped(), "file") + " and "
          + count(summary.recordsSkipped(), "record") + ", " + count(summary.warnings(), "warning"));
    }
    err.println();
    err.flush();
    return summary.hasErrors() ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }

  private static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  /** Reports problems and progress on stderr; progress overwrites itself on a terminal. */
  private static final class Progress implements IndexingListener {
    private final PrintWriter err;
    private static final long PIPED_EVERY_NANOS = 10_000_000_000L;
    private final boolean terminal = Terminal.isTerminal();
    private boolean shown;
    private long lastPiped = System.nanoTime();

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void problem(Problem problem) {
      clear();
      err.println("depeche: " + problem);
      err.flush();
    }

    @Override
    public void progress(long articles, long passages) {
      String line = String.format(Locale.ROOT, "indexing: %,d articles, %,d passages…", articles, passages);
      if (terminal) {
        err.print("\r" + line + "\033[K");
        shown = true;
      } else if (System.nanoTime() - lastPiped >= PIPED_EVERY_NANOS) {
        lastPiped = System.nanoTime();
        err.println(line);
      }
      err.flush();
    }

    void clear() {
      if (shown) {
        err.print("\r\033[K");
        shown = false;
      }
    }
  }
}
