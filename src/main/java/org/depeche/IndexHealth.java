package org.depeche;

import java.util.List;

/**
 * What {@link DepecheIndex#check} found: one line per check, in order.
 *
 * <pre>{@code
 * IndexHealth h = DepecheIndex.check(Path.of("index"));
 * // [Check[name=lucene, passed=true, detail=2 segments, checksums and structures sound],
 * //  Check[name=schema, passed=true, detail=version 1], ...]
 * h.healthy();   // true
 * }</pre>
 *
 * @param checks the checks run, each passed or not, with what it found
 */
public record IndexHealth(List<Check> checks) {

  /** Copies the list. */
  public IndexHealth {
    checks = List.copyOf(checks);
  }

  /**
   * One check.
   *
   * @param name what was checked, one word: {@code lucene}, {@code schema}, {@code analyzer},
   *     {@code articles}
   * @param passed whether it found the index sound
   * @param detail what it found, one line
   */
  public record Check(String name, boolean passed, String detail) {}

  /** Whether every check passed. */
  public boolean healthy() {
    return checks.stream().allMatch(Check::passed);
  }
}
