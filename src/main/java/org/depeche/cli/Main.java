package org.depeche.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.store.MMapDirectory;
import org.depeche.DepecheException;
import org.depeche.IndexUnavailableException;
import org.depeche.NoSuchPassageException;
import org.depeche.QuerySyntaxException;
import org.depeche.analysis.Analysis;
import picocli.CommandLine;

/** The {@code depeche} command line: {@code main}, and the one factory tests use too. */
public final class Main {

  /** Lucene logs its start-up choices through java.util.logging; users need only its warnings. */
  private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

  /**
   * Lucene warns when it cannot use the vector API. The launcher leaves it out of one-query
   * commands on purpose (it costs start-up time and gains nothing on one query): not worth a line.
   */
  private static final Logger VECTOR_LOG = Logger.getLogger("org.apache.lucene.internal.vectorization");

  /**
   * The subcommands by name, in the order of {@code depeche --help}: each an annotated class, or
   * the model of a command declared with picocli's programmatic API. Picocli builds a command's
   * model by reflection over its annotations; building all of them cost a search process a tenth
   * of its CPU, so a command line gets only the subcommand it names (docs/performance-history.md).
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    // Names written out: reading them from the annotations would cost what this saves.
    SUBCOMMANDS.put("index", () -> IndexCommand.class);
    SUBCOMMANDS.put("search", SearchCommand::model);
    SUBCOMMANDS.put("eval", EvalCommand::model);
    SUBCOMMANDS.put("similar", () -> SimilarCommand.class);
    SUBCOMMANDS.put("quotes", () -> QuotesCommand.class);
    SUBCOMMANDS.put("speakers", () -> SpeakersCommand.class);
    SUBCOMMANDS.put("analyze", () -> AnalyzeCommand.class);
    SUBCOMMANDS.put("stats", () -> StatsCommand.class);
    SUBCOMMANDS.put("check", () -> CheckCommand.class);
    SUBCOMMANDS.put("help", () -> CommandLine.HelpCommand.class);
  }

  private Main() {}

  /** Runs the command line {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    LUCENE_LOG.setLevel(Level.WARNING);
    VECTOR_LOG.setLevel(Level.SEVERE);
    if ("search".equals(subcommand(args))) {
      // Work a search does before it reads the index, on another core while this thread builds the
      // command line (docs/performance-history.md): Lucene's MMapDirectory, when first used, starts
      // the JVM's management beans (to read JVM options) and links posix_madvise through the
      // foreign-function API (about 90 ms of CPU at load 8); then the dictionary depeche's analyzer
      // reads (13 ms). Either is done once, by whichever thread comes first; a failure is the
      // search's to report.
      Thread warmUp = new Thread(() -> {
        try {
          MMapDirectory.supportsMadvise();
          Analysis.readDictionary();
        } catch (RuntimeException | LinkageError e) {
          // Reported by the search when it needs what failed.
        }
      }, "depeche-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
    boolean trace = Arrays.asList(args).contains("--stacktrace");
    // An indexing thread or a Lucene merge thread that runs out of heap: one line, and the process
    // ends at once with the exit code that says so (an index is left as of its last commit, as by a
    // kill), rather than a stack trace per thread and a run that may wait for a thread that died.
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      OutOfMemoryError oom = outOfMemory(e);
      if (oom == null) {
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        e.printStackTrace();
        return;
      }
      if (trace) {
        e.printStackTrace();
      }
      System.err.println(outOfMemoryLine(oom));
      System.err.flush();
      Runtime.getRuntime().halt(ExitCodes.MEMORY);
    });
    System.exit(newCommandLine(
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), args).execute(args));
  }

  /**
   * Builds the command line that runs {@code args}, writing output and errors to the given writers:
   * with the one subcommand {@code args} names ({@code search} in {@code --stacktrace search Mali}),
   * or with all of them when it names none ({@code --help}, {@code help search}, a mistyped name),
   * so that help lists them. A {@link
   * DepecheException} becomes one line on {@code err} and its exit code; the stack trace is printed
   * only with {@code --stacktrace}.
   */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(DepecheCommand.model());
    String name = subcommand(args);
    if (name != null && !name.equals("help") && SUBCOMMANDS.containsKey(name)) {
      cli.addSubcommand(name, SUBCOMMANDS.get(name).get());
    } else {
      SUBCOMMANDS.forEach((n, command) -> cli.addSubcommand(n, command.get()));
    }
    cli.setOut(out);
    cli.setErr(err);
    // picocli passes an Error thrown by a command through: an OutOfMemoryError is reported here.
    cli.setExecutionStrategy(parseResult -> {
      try {
        return new CommandLine.RunLast().execute(parseResult);
      } catch (OutOfMemoryError e) {
        throw new CommandLine.ExecutionException(cli, "out of memory", e);
      }
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean trace = parseResult.hasMatchedOption("--stacktrace")
          || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--stacktrace"));
      PrintWriter w = commandLine.getErr();
      if (trace) {
        e.printStackTrace(w);
      }
      OutOfMemoryError oom = outOfMemory(e);
      if (oom != null) {
        w.println(outOfMemoryLine(oom));
        w.flush();
        return ExitCodes.MEMORY;
      }
      int code = exitCode(e);
      String message = e instanceof DepecheException ? e.getMessage() : e.toString();
      w.println("depeche: " + (code == ExitCodes.INTERNAL ? "internal error: " : "") + message
          + (code == ExitCodes.INTERNAL && !trace ? " (run with --stacktrace for details)" : ""));
      w.flush();
      return code;
    });
    cli.setParameterExceptionHandler((e, unmatched) -> {
      PrintWriter w = e.getCommandLine().getErr();
      w.println("depeche: " + e.getMessage());
      w.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
      w.flush();
      return ExitCodes.USAGE;
    });
    return cli;
  }

  /** Returns the first argument that is not an option, the subcommand's name, or null. */
  private static String subcommand(String... args) {
    for (String arg : args) {
      // The top-level options take no value: the first other argument is the subcommand.
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  /** Returns the {@link OutOfMemoryError} among {@code e} and its causes, or null. */
  private static OutOfMemoryError outOfMemory(Throwable e) {
    for (int depth = 0; e != null && depth < 20; e = e.getCause(), depth++) {
      if (e instanceof OutOfMemoryError oom) {
        return oom;
      }
    }
    return null;
  }

  /** The one line that reports a run out of memory, and what to do. */
  private static String outOfMemoryLine(OutOfMemoryError e) {
    long mb = Runtime.getRuntime().maxMemory() >> 20;
    return "depeche: out of memory (" + e.getMessage() + ", a heap of at most " + mb + " MB): give Java a"
        + " larger heap, e.g. JDK_JAVA_OPTIONS=-Xmx" + Math.max(1024, 2 * mb) + "m; an index is left as of its last commit";
  }

  private static int exitCode(Exception e) {
    if (e instanceof QuerySyntaxException || e instanceof NoSuchPassageException
        || e instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    if (e instanceof IndexUnavailableException) {
      return ExitCodes.INDEX;
    }
    if (e instanceof DepecheException) {
      return ExitCodes.INDEX;
    }
    return ExitCodes.INTERNAL;
  }
}
