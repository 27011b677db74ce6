package org.depeche;

import java.time.Instant;

/**
 * What an index holds, as of its last commit.
 *
 * @param articles the number of articles
 * @param passages the number of passages
 * @param terms the number of distinct terms of the passage text
 * @param sizeBytes the size of the index files on disk
 * @param analyzer the name of the analyzer the index was built with
 * @param lastCommit when the index was last committed, or null for an index never committed
 */
public record IndexStats(
    long articles, long passages, long terms, long sizeBytes, String analyzer, Instant lastCommit) {}
