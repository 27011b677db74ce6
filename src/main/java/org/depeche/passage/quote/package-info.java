/**
 * Quotations and their speakers: {@link org.depeche.passage.quote.QuoteFinder} finds the quoted
 * statements of an article and attributes each to the person who made it, from the way French news
 * reports speech.
 */
package org.depeche.passage.quote;
