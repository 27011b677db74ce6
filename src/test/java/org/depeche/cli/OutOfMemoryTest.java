package org.depeche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A run out of heap (an index run with too small a {@code -Xmx}) ends with one line saying so and
 * how to give Java more, and its own exit code: not a stack trace, not "internal error".
 */
class OutOfMemoryTest {

  /** A command that fails as a run out of heap does, in the thread that runs it. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    private final Throwable failure;

    Boom(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      if (failure instanceof Error error) {
        throw error;
      }
      throw (Exception) failure;
    }
  }

  private static String[] run(Throwable failure, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err), args);
    cli.addSubcommand("boom", new Boom(failure));
    cli.setErr(new PrintWriter(err)); // to the new subcommand too
    int code = cli.execute(args);
    return new String[] {Integer.toString(code), err.toString()};
  }

  @Test
  void anOutOfMemoryErrorInTheCommandsThreadIsOneLineAndExitFive() {
    String[] r = run(new OutOfMemoryError("Java heap space"), "boom");
    assertEquals(Integer.toString(ExitCodes.MEMORY), r[0], r[1]);
    assertEquals(1, r[1].lines().count(), r[1]);
    assertTrue(r[1].startsWith("depeche: out of memory (Java heap space"), r[1]);
    long twice = Math.max(1024, 2 * (Runtime.getRuntime().maxMemory() >> 20));
    assertTrue(r[1].contains("JDK_JAVA_OPTIONS=-Xmx" + twice + "m"), r[1]);
  }

  @Test
  void aWriterClosedByAnOutOfMemoryErrorInAnotherThreadIsOneLineAndExitFive() {
    // What an index run's thread sees when an indexing thread ran out of heap inside Lucene: the
    // writer closed, the error its cause.
    String[] r = run(new AlreadyClosedException("this IndexWriter is closed",
        new OutOfMemoryError("Java heap space")), "boom");
    assertEquals(Integer.toString(ExitCodes.MEMORY), r[0], r[1]);
    assertEquals(1, r[1].lines().count(), r[1]);
    assertTrue(r[1].startsWith("depeche: out of memory (Java heap space"), r[1]);
  }

  @Test
  void withStacktraceTheTraceComesBeforeTheLine() {
    String[] r = run(new OutOfMemoryError("Java heap space"), "--stacktrace", "boom");
    assertEquals(Integer.toString(ExitCodes.MEMORY), r[0], r[1]);
    assertTrue(r[1].contains("java.lang.OutOfMemoryError: Java heap space"), r[1]);
    assertTrue(r[1].lines().count() > 2, r[1]);
    assertTrue(r[1].lines().reduce((a, b) -> b).orElseThrow().startsWith("depeche: out of memory"), r[1]);
  }

  @Test
  void otherFailuresAreStillInternalErrors() {
    String[] r = run(new IllegalStateException("x"), "boom");
    assertEquals(Integer.toString(ExitCodes.INTERNAL), r[0], r[1]);
    assertTrue(r[1].startsWith("depeche: internal error: java.lang.IllegalStateException: x"), r[1]);
  }
}
