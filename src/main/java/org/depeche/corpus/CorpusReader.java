package org.depeche.corpus;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.depeche.Article;

/**
 * Reads corpus files into {@link Article}s: {@code .txt} files (one article each, optional front
 * matter), and {@code .jsonl} or {@code .jsonl.gz} files (one article per line).
 *
 * <pre>{@code
 * ReadSummary summary = new CorpusReader().read(
 *     List.of(Path.of("corpus"), Path.of("extra/agence.jsonl.gz")),
 *     indexer::add,
 *     problem -> System.err.println(problem));   // corpus/a.jsonl:3: error: missing 'text'
 * }</pre>
 *
 * <p><b>Order and ids.</b> Paths are read in the order given; the files under a directory are read
 * recursively, sorted by their path relative to it. A {@code .txt} article's id is that relative
 * path with {@code /} separators ({@code monde/mali.txt}), or the file name when the file itself
 * was given. A JSONL article's id is its {@code id} field. Two articles with the same id are both
 * handed to the sink; as the index replaces an article by id, the last one read wins.
 *
 * <p><b>Which files.</b> Under a directory only {@code .txt}, {@code .jsonl} and {@code .jsonl.gz}
 * files are read (any case); other files, and hidden files and directories (names starting with
 * {@code .}), are ignored silently. Symbolic links are followed; a link loop is reported as a
 * warning and not followed again.
 *
 * <p><b>Problems.</b> Bad input never stops a read: each problem is handed to the problem consumer
 * (an {@link Problem.Severity#ERROR} when something was skipped, a {@link
 * Problem.Severity#WARNING} when it was read but not as written) and reading goes on. Whole-file
 * errors: no such file or directory, unsupported file type (for a file given explicitly),
 * unreadable file, empty file, binary file, not a gzip file, a {@code .txt} without text or with
 * unclosed front matter. Record errors (one JSONL line): not valid JSON, not a JSON object, a field
 * of the wrong type, missing {@code id} or {@code text}, no text. A {@code .jsonl.gz} whose data
 * breaks half way gives an error at the line reached; the articles before it are kept.
 *
 * <p><b>Encodings.</b> UTF-8, with or without a byte order mark; UTF-16 with a byte order mark;
 * bytes that are not valid UTF-8 are read as Windows-1252 with a warning (for JSONL, line by line,
 * warned once per file at the first such line). Line ends may be {@code \n} or {@code \r\n}.
 *
 * <p>JSONL files are streamed: memory does not grow with the file.
 *
 * <p>This class is stateless and thread-safe: one instance may serve concurrent reads.
 */
public final class CorpusReader {

  /** Creates a reader. */
  public CorpusReader() {}

  /**
   * Reads every article under {@code paths} (files, or directories read recursively), handing each
   * to {@code sink} and each problem to {@code problems}.
   *
   * @param paths files and directories, read in this order
   * @param sink receives the articles, in reading order
   * @param problems receives the problems found, as they are found
   * @return what was read and skipped
   * @throws IOException only when {@code sink} throws it; the read stops there
   */
  public ReadSummary read(List<Path> paths, ArticleSink sink, Consumer<Problem> problems)
      throws IOException {
    return read(paths, FileGate.ALL, sink, problems);
  }

  /**
   * Reads the articles under {@code paths} as {@link #read(List, ArticleSink, Consumer)} does, but
   * only from the files {@code gate} lets through; the files it keeps out are not counted.
   *
   * @throws IOException only when {@code gate} or {@code sink} throws it; the read stops there
   */
  public ReadSummary read(List<Path> paths, FileGate gate, ArticleSink sink, Consumer<Problem> problems)
      throws IOException {
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(problems, "problems");
    Run run = new Run(gate, sink, problems);
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        for (Found found : walk(path, problems)) {
          run.readFile(found.file(), found.id());
        }
      } else if (!Files.exists(path)) {
        run.skipFile(path, "no such file or directory");
      } else if (Format.of(path) == null) {
        run.skipFile(path, "unsupported file type (expected .txt, .jsonl or .jsonl.gz)");
      } else {
        run.readFile(path, path.getFileName().toString());
      }
    }
    return run.summary();
  }

  /** A corpus file found under a directory, with the id its path gives a {@code .txt} article. */
  private record Found(Path file, String id) {}

  /** The corpus files under {@code root}, sorted by id; walk problems go to {@code problems}. */
  private static List<Found> walk(Path root, Consumer<Problem> problems) throws IOException {
    List<Found> found = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && isHidden(dir)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!isHidden(file) && !attrs.isDirectory() && Format.of(file) != null) {
              found.add(new Found(file, idOf(root.relativize(file))));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              problems.accept(
                  new Problem(file, 0, Problem.Severity.WARNING, "symbolic link loop; not followed"));
            } else {
              problems.accept(new Problem(file, 0, Problem.Severity.ERROR, describe(e)));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
              problems.accept(new Problem(dir, 0, Problem.Severity.ERROR, describe(e)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    found.sort(Comparator.comparing(Found::id));
    return found;
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static String idOf(Path relative) {
    StringBuilder id = new StringBuilder();
    for (Path name : relative) {
      if (!id.isEmpty()) {
        id.append('/');
      }
      id.append(name);
    }
    return id.toString();
  }

  /** An input failure in a few words, without the file name the exception usually repeats. */
  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "cannot read: permission denied";
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "cannot read: " + reason;
  }

  /** The corpus file formats, known by file name. */
  private enum Format {
    TXT,
    JSONL,
    JSONL_GZ;

    /** The format of {@code file}, or null when it is not a corpus file. */
    static Format of(Path file) {
      Path name = file.getFileName();
      String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
      if (lower.endsWith(".txt")) {
        return TXT;
      }
      if (lower.endsWith(".jsonl")) {
        return JSONL;
      }
      if (lower.endsWith(".jsonl.gz")) {
        return JSONL_GZ;
      }
      return null;
    }
  }

  /** The state of one call to {@link #read}: where articles and problems go, and the counts. */
  private static final class Run {
    private final FileGate gate;
    private final ArticleSink sink;
    private final Consumer<Problem> problems;
    private int errors;
    private int files;
    private int filesSkipped;
    private int articles;
    private int recordsSkipped;

    Run(FileGate gate, ArticleSink sink, Consumer<Problem> problems) {
      this.gate = gate;
      this.sink = sink;
      this.problems = problem -> {
        if (problem.severity() == Problem.Severity.ERROR) {
          errors++;
        }
        problems.accept(problem);
      };
    }

    ReadSummary summary() {
      return new ReadSummary(files, filesSkipped, articles, recordsSkipped);
    }

    void skipFile(Path file, String message) {
      problems.accept(new Problem(file, 0, Problem.Severity.ERROR, message));
      filesSkipped++;
    }

    void readFile(Path file, String id) throws IOException {
      if (!gate.open(file)) {
        return;
      }
      int errorsBefore = errors;
      switch (Format.of(file)) {
        case TXT -> readTxt(file, id);
        case JSONL -> readJsonl(file, false);
        case JSONL_GZ -> readJsonl(file, true);
      }
      gate.done(file, errors == errorsBefore);
    }

    private void readTxt(Path file, String id) throws IOException {
      Article article;
      try {
        Decoding.Decoded decoded = Decoding.decode(readBytes(file));
        String text = decoded.text();
        if (text.indexOf('\0') >= 0 || Decoding.looksBinary(text)) {
          throw new BadInputException("binary file");
        }
        if (text.isBlank()) {
          throw new BadInputException("empty file");
        }
        if (decoded.windows1252()) {
          problems.accept(new Problem(file, 0, Problem.Severity.WARNING, Decoding.NOT_UTF8));
        }
        article = TxtFormat.read(file, id, text, problems);
      } catch (BadInputException e) {
        skipFile(file, e.getMessage());
        return;
      }
      files++;
      deliver(article);
    }

    private static byte[] readBytes(Path file) throws BadInputException {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new BadInputException(describe(e));
      }
    }

    private void readJsonl(Path file, boolean gzip) throws IOException {
      LineReader lines;
      try {
        lines = LineReader.open(file, gzip);
      } catch (BadInputException e) {
        skipFile(file, e.getMessage());
        return;
      } catch (IOException e) {
        skipFile(file, describe(e));
        return;
      }
      try (lines) {
        boolean warnedEncoding = false;
        boolean anyText = false;
        while (true) {
          String line;
          try {
            line = lines.next();
          } catch (IOException e) {
            int reached = lines.lineNumber() + 1;
            String message =
                gzip ? "truncated or corrupt gzip data; the lines before were read" : describe(e);
            problems.accept(new Problem(file, reached, Problem.Severity.ERROR, message));
            if (reached == 1) {
              filesSkipped++;
              return;
            }
            break;
          }
          if (line == null) {
            break;
          }
          if (line.isBlank()) {
            continue;
          }
          anyText = true;
          int number = lines.lineNumber();
          if (lines.lastWasWindows1252() && !warnedEncoding) {
            warnedEncoding = true;
            problems.accept(new Problem(file, number, Problem.Severity.WARNING, Decoding.NOT_UTF8));
          }
          Article article;
          try {
            article = JsonlFormat.parse(line, file, number, problems);
          } catch (BadInputException e) {
            problems.accept(new Problem(file, number, Problem.Severity.ERROR, e.getMessage()));
            recordsSkipped++;
            continue;
          }
          deliver(article);
        }
        if (anyText) {
          files++;
        } else {
          skipFile(file, "empty file");
        }
      }
    }

    /** Hands an article to the sink; its IOException is not an input problem and stops the read. */
    private void deliver(Article article) throws IOException {
      sink.accept(article);
      articles++;
    }
  }
}
