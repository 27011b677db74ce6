package org.depeche;

/**
 * What one indexing run did.
 *
 * <pre>{@code
 * // a folder of 201 .txt files indexed before; since then one file edited, one deleted, one added:
 * // IndexingSummary[files=2, filesUnchanged=199, filesSkipped=0, added=1, updated=1,
 * //     unchanged=199, removed=1, passages=25, recordsSkipped=0, warnings=0, millis=310]
 * }</pre>
 *
 * @param files the input files read, in whole or in part
 * @param filesUnchanged the input files not read because their content had not changed since they
 *     were last indexed
 * @param filesSkipped the input files skipped whole (empty, binary, unreadable, ...)
 * @param added the articles indexed whose id the index did not hold
 * @param updated the articles indexed again (their file had changed, or another file held them)
 * @param unchanged the articles of the unchanged files, left as they were
 * @param removed the articles removed: their file is gone, or no longer holds them
 * @param passages the passages of the articles indexed
 * @param recordsSkipped the records skipped inside files that were otherwise read (bad JSONL lines)
 * @param warnings the problems that did not stop an input from being indexed
 * @param millis how long the run took
 */
public record IndexingSummary(
    int files,
    int filesUnchanged,
    int filesSkipped,
    long added,
    long updated,
    long unchanged,
    long removed,
    long passages,
    int recordsSkipped,
    int warnings,
    long millis) {

  /** The articles indexed in this run: added and updated. */
  public long articles() {
    return added + updated;
  }

  /** Whether some input was skipped. */
  public boolean hasErrors() {
    return filesSkipped > 0 || recordsSkipped > 0;
  }
}
