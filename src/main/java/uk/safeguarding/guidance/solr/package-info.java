/**
 * SolrCloud over HTTP for the scale-out mode: its nodes (with fail-over), its collections, alias and
 * configset. A leaf below {@code index} and {@code search}; imports nothing of the server's but {@code ops}.
 */
package uk.safeguarding.guidance.solr;
