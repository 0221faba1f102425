package uk.safeguarding.guidance;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.index.Analysis;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.SolrPublisher;
import uk.safeguarding.guidance.search.LuceneBackend;
import uk.safeguarding.guidance.search.SearchBackend;
import uk.safeguarding.guidance.search.SolrBackend;
import uk.safeguarding.guidance.solr.SolrCollections;
import uk.safeguarding.guidance.solr.SolrConfigset;
import uk.safeguarding.guidance.solr.SolrNodes;
import uk.safeguarding.guidance.solr.SolrSettings;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.Dialect;
import uk.safeguarding.guidance.store.Leases;

/**
 * The one place the search engine is chosen: the library's own Lucene index in this process, or
 * SolrCloud when {@code --solr} names it. Everything else sees a {@link SearchBackend} and a step
 * that makes the engine hold each new library.
 */
final class SearchBackends {

  private static final Logger LOG = LoggerFactory.getLogger(SearchBackends.class);

  private SearchBackends() {}

  /**
   * The backend searches rank in, and what runs on each new library before it serves (true once the
   * engine serves it; false while another replica builds it).
   */
  record Choice(SearchBackend backend, Predicate<Library> publish) {}

  static Choice choose(AppConfig config, Database database, Clock clock) {
    SolrSettings solr = config.solr();
    if (solr == null) {
      return new Choice(LuceneBackend.INSTANCE, library -> true);
    }
    if (database.dialect() != Dialect.POSTGRESQL) {
      LOG.warn("SolrCloud without a shared database (--database): fine for one replica; several replicas "
          + "need a shared PostgreSQL so that only one of them rebuilds the collection at a time");
    }
    SolrNodes nodes = SolrNodes.parse(solr.urls());
    Leases leases = new Leases(database, clock);
    // Who holds the rebuild lease: this process, recognisably, for an operator reading the table.
    String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    SolrPublisher publisher = new SolrPublisher(new SolrCollections(nodes),
        SolrConfigset.of(Analysis.stopWords(), IndexStore.DEFAULT_K1, IndexStore.DEFAULT_B),
        solr.shards(), solr.replicas(), new SolrPublisher.Lease() {

          @Override
          public boolean tryAcquire(String name, java.time.Duration length) {
            return leases.tryAcquire(name, holder, length);
          }

          @Override
          public void release(String name) {
            leases.release(name, holder);
          }
        });
    LOG.info("Searching in SolrCloud at {} ({} shards × {} replicas)", nodes.urls(), solr.shards(), solr.replicas());
    return new Choice(new SolrBackend(nodes), publisher::publish);
  }
}
