package org.depeche.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.depeche.DepecheException;
import org.depeche.IndexUnavailableException;
import org.depeche.NoSuchPassageException;
import org.depeche.QuerySyntaxException;
import picocli.CommandLine;

/** The {@code depeche} command line: {@code main}, and the one factory tests use too. */
public final class Main {

  /** Lucene logs its start-up choices through java.util.logging; users need only its warnings. */
  private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

  private Main() {}

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(Level.WARNING);
    System.exit(newCommandLine(
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8)).execute(args));
  }

  /**
   * Builds the command line with its subcommands, writing output and errors to the given writers.
   * A {@link DepecheException} becomes one line on {@code err} and its exit code; the stack trace
   * is printed only with {@code --stacktrace}.
   */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new DepecheCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean trace = parseResult.hasMatchedOption("--stacktrace")
          || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--stacktrace"));
      PrintWriter w = commandLine.getErr();
      if (trace) {
        e.printStackTrace(w);
      }
      int code = exitCode(e);
      String message = e instanceof DepecheException ? e.getMessage() : e.toString();
      w.println("depeche: " + (code == ExitCodes.INTERNAL ? "internal error: " : "") + message
          + (code == ExitCodes.INTERNAL && !trace ? " (run with --stacktrace for details)" : ""));
      w.flush();
      return code;
    });
    cli.setParameterExceptionHandler((e, args) -> {
      PrintWriter w = e.getCommandLine().getErr();
      w.println("depeche: " + e.getMessage());
      w.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
      w.flush();
      return ExitCodes.USAGE;
    });
    return cli;
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
