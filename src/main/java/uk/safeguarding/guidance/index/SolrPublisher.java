package uk.safeguarding.guidance.index;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.SourceDocument;
import uk.safeguarding.guidance.solr.SolrCollections;
import uk.safeguarding.guidance.solr.SolrConfigset;

/**
 * Makes SolrCloud serve a library: its passages in a collection named for the library's hash, and
 * the alias searches use pointing at it. One replica at a time builds (a lease in the shared
 * database); the others serve meanwhile and look again later, and take the build over if the builder
 * dies and its lease lapses. Every build writes a collection of a name never used before (the
 * library's name and a build stamp): Solr can refuse to make a collection again under a name it
 * has just deleted or failed to make (a node that was down keeps the old cores; a failed create
 * leaves state behind), and a fresh name never meets any of that. The previous collection is kept, so
 * searches already under way on it finish; older ones, and any half-built by a replica that died, are
 * deleted once the new one serves. Thread-safe.
 */
public final class SolrPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(SolrPublisher.class);

  /** Collections this server created start with this; only those are ever deleted. */
  public static final String PREFIX = "guidance_";
  /** The lease's name in the database. */
  public static final String LEASE = "solr-rebuild";
  /** How long a lease lasts unless renewed; the builder renews it after every batch. */
  static final Duration LEASE_LENGTH = Duration.ofSeconds(30);
  /** Passages per update request: about 2 MB of JSON with vectors. */
  static final int BATCH = 500;
  /** How long every node may take to see an alias switch before the build counts as failed. */
  static final Duration ALIAS_WAIT = Duration.ofSeconds(30);
  /** How often a waiting replica looks at the alias and the lease again. */
  static final Duration POLL = Duration.ofSeconds(1);

  /** Who holds a job: the shared database's leases, or (one replica) always this one. */
  public interface Lease {

    boolean tryAcquire(String name, Duration length);

    void release(String name);
  }

  private final SolrCollections solr;
  private final SolrConfigset configset;
  private final int shards;
  private final int replicas;
  private final Lease lease;

  public SolrPublisher(SolrCollections solr, SolrConfigset configset, int shards, int replicas, Lease lease) {
    this.solr = solr;
    this.configset = configset;
    this.shards = shards;
    this.replicas = replicas;
    this.lease = lease;
  }

  /**
   * The name every collection that holds {@code library} starts with: its hash, and whether it
   * carries vectors. A build adds {@link #STAMP} and its own stamp.
   */
  public static String collectionName(Library library) {
    return PREFIX + library.hash().substring(0, 16) + (library.dense() ? "_v" : "_w");
  }

  /** Solr's answer to deleting a collection it does not have. */
  private static final String NOT_FOUND = "Could not find collection";
  /** Between a library's collection name and a build's stamp. */
  static final String STAMP = "_b";

  /** Whether {@code collection} holds {@code library}: built for it by this or another replica. */
  public static boolean holds(String collection, Library library) {
    return collection.startsWith(collectionName(library) + STAMP);
  }

  /**
   * Makes the alias point at {@code library}'s collection, building it unless another replica is:
   * true once it does. False when another replica holds the build and an older collection serves
   * meanwhile: the caller serves at once (searches reach the older collection until the switch) and
   * asks again later, so a start never waits on someone else's build. With no collection serving at
   * all there is nothing to serve, so then it waits.
   */
  public boolean publish(Library library) {
    String name = collectionName(library);
    while (true) {
      Optional<String> serving = solr.aliased();
      if (serving.isPresent() && holds(serving.get(), library)) {
        return true;
      }
      if (lease.tryAcquire(LEASE, LEASE_LENGTH)) {
        try {
          if (!solr.aliased().filter(c -> holds(c, library)).isPresent()) {
            build(name + STAMP + Long.toString(System.currentTimeMillis(), Character.MAX_RADIX), library);
          }
          return true;
        } finally {
          lease.release(LEASE);
        }
      }
      if (serving.isPresent()) {
        return false; // another replica is building; the older collection serves until it switches
      }
      try {
        Thread.sleep(POLL.toMillis()); // the first collection is being built elsewhere: nothing to serve yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for another replica's Solr build of " + name, e);
      }
    }
  }

  private void build(String name, Library library) {
    long started = System.nanoTime();
    solr.ensureConfigset(configset);
    Optional<String> previous = solr.aliased();
    long served;
    try {
      served = fill(name, library);
      renew(name); // a builder whose lease lapsed (a slow commit) must not switch over another's build
    } catch (RuntimeException e) {
      // Not yet searched (the alias never pointed at it), and never used again (the next attempt takes a new
      // name): deleted now, so a build that keeps failing does not leave a collection behind each time.
      // Rethrown as it is: the reindexer tries again soon after a Solr error (SolrNodes.SolrException).
      forget(name, "its build failed");
      throw e;
    }
    solr.switchAlias(name);
    solr.awaitAlias(name, ALIAS_WAIT);
    LOG.info("Solr collection {} built ({} passages, {} s) and serving", name, served,
        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    // Never the one serving now (another builder may have switched since), nor one built after this one.
    String serving = solr.aliased().orElse(name);
    long stamp = stamp(name);
    for (String old : solr.collections()) {
      if (old.startsWith(PREFIX) && !old.equals(name) && !old.equals(serving) && !old.equals(previous.orElse(null))
          && stamp(old) < stamp) {
        forget(old, "two generations back, or left half-built: no search can be on it");
      }
    }
  }

  /** When {@code collection} was begun, from its name; 0 for a name without a stamp (an older release's). */
  static long stamp(String collection) {
    int at = collection.lastIndexOf(STAMP);
    try {
      return at < 0 ? 0 : Long.parseLong(collection.substring(at + STAMP.length()), Character.MAX_RADIX);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Creates {@code name} and writes every passage of {@code library} to it; how many it then serves. */
  private long fill(String name, Library library) {
    solr.create(name, configset.name(), shards, replicas);
    List<JsonObject> batch = new ArrayList<>(BATCH);
    for (SourceDocument doc : library.documents().values()) {
      for (Passage passage : library.passages(doc.id())) {
        batch.add(document(doc.metadata(), passage, library.vector(passage.id())));
        if (batch.size() == BATCH) {
          solr.add(name, batch);
          batch.clear();
          renew(name);
        }
      }
    }
    if (!batch.isEmpty()) {
      solr.add(name, batch);
    }
    solr.commit(name);
    long served = solr.count(name);
    if (served != library.passageCount()) {
      throw new IllegalStateException("Solr collection " + name + " holds " + served + " passages, the library "
          + library.passageCount());
    }
    return served;
  }

  /**
   * Deletes {@code collection}, or logs why not: the new collection already serves (or the build has
   * already failed), so a collection Solr will not delete now is only left for the next build.
   */
  private void forget(String collection, String why) {
    try {
      solr.delete(collection);
      LOG.info("Deleted Solr collection {}: {}", collection, why);
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains(NOT_FOUND)) {
        LOG.info("Solr collection {} ({}) is already gone", collection, why); // Solr removes a create it failed
      } else {
        LOG.warn("Could not delete Solr collection {} ({}); the next build tries again: {}", collection, why,
            e.getMessage());
      }
    }
  }

  private void renew(String name) {
    if (!lease.tryAcquire(LEASE, LEASE_LENGTH)) {
      throw new IllegalStateException("Lost the Solr rebuild lease while building " + name);
    }
  }

  /** One passage as a Solr document: the embedded index's fields and values ({@link PassageDocuments#values}). */
  public static JsonObject document(DocumentMetadata meta, Passage passage, float[] vector) {
    PassageDocuments.Values v = PassageDocuments.values(meta, passage);
    JsonObject d = new JsonObject();
    d.addProperty(Fields.ID, v.id());
    d.addProperty(Fields.DOC_ID, v.docId());
    d.addProperty(Fields.TITLE, v.title());
    d.addProperty(Fields.SECTION, v.section());
    d.addProperty(Fields.BODY, v.body());
    d.addProperty(Fields.TYPE, v.type());
    d.addProperty(Fields.ORGANISATION, v.organisation());
    JsonArray themes = new JsonArray();
    v.themes().forEach(themes::add);
    d.add(Fields.THEME, themes);
    d.addProperty(Fields.YEAR, v.year());
    d.addProperty(Fields.KIND, v.kind());
    if (vector != null) {
      JsonArray values = new JsonArray(vector.length);
      for (float x : vector) {
        values.add(x);
      }
      d.add(Fields.VECTOR, values);
    }
    return d;
  }
}
