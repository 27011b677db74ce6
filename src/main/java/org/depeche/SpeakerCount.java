package org.depeche;

/**
 * How many quotations of the index a speaker has: one line of {@link DepecheIndex#speakers()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param speaker the speaker's full name
 * @param quotes the number of quotations attributed to them
 */
public record SpeakerCount(String speaker, long quotes) {}
