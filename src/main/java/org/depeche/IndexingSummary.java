package org.depeche;

/**
 * What one indexing run did.
 *
 * @param files the input files read, in whole or in part
 * @param filesSkipped the input files skipped whole (empty, binary, unreadable, ...)
 * @param articles the articles indexed (added or replaced)
 * @param passages the passages of those articles
 * @param recordsSkipped the records skipped inside files that were otherwise read (bad JSONL lines)
 * @param warnings the problems that did not stop an input from being indexed
 * @param millis how long the run took
 */
public record IndexingSummary(
    int files, int filesSkipped, long articles, long passages, int recordsSkipped, int warnings, long millis) {

  /** Whether some input was skipped. */
  public boolean hasErrors() {
    return filesSkipped > 0 || recordsSkipped > 0;
  }
}
