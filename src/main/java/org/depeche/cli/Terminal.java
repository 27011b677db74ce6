package org.depeche.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** What the command line knows about where its output goes. */
final class Terminal {
  static final String BOLD = "\033[1m";
  static final String RESET = "\033[0m";

  private Terminal() {}

  /**
   * Whether standard output is an interactive terminal, so that bold and in-place progress may be
   * used; false when {@code NO_COLOR} is set.
   */
  static boolean isTerminal() {
    if (System.getenv("NO_COLOR") != null) {
      return false;
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Since Java 22, System.console() is not null when output is piped; isTerminal() tells.
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** Wraps text to width columns, indenting each line; ANSI sequences take no width. */
  static String wrap(String text, int width, String indent) {
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (String word : text.split(" ")) {
      int len = visibleLength(word);
      if (column > 0 && column + 1 + len > width) {
        out.append('\n');
        column = 0;
      }
      if (column == 0) {
        out.append(indent);
        column = indent.length();
      } else {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += len;
    }
    return out.toString();
  }

  private static int visibleLength(String s) {
    return s.replaceAll("\033\\[[0-9;]*m", "").codePointCount(0, s.replaceAll("\033\\[[0-9;]*m", "").length());
  }
}
