package uk.safeguarding.guidance.solr;

/**
 * Where search runs when it is not embedded: SolrCloud nodes' base URLs, and the shape of the
 * collections the server creates there.
 *
 * @param urls     comma-separated base URLs, e.g. {@code http://solr1:8983/solr,http://solr2:8983/solr}
 *                 (or one load balancer's); every node serves every collection
 * @param shards   shards of each collection (more for a larger library)
 * @param replicas copies of each shard, on different nodes: with 2, a node can stop and search goes on
 */
public record SolrSettings(String urls, int shards, int replicas) {

  public static final int DEFAULT_SHARDS = 2;
  public static final int DEFAULT_REPLICAS = 2;
  /** Bounds a typing slip: a collection of more shards or copies than this is not what anyone meant. */
  static final int MAX_SHARDS_OR_REPLICAS = 64;

  public SolrSettings {
    if (shards < 1 || shards > MAX_SHARDS_OR_REPLICAS) {
      throw new IllegalArgumentException("The solr-shards must be between 1 and " + MAX_SHARDS_OR_REPLICAS
          + ", got " + shards + ".");
    }
    if (replicas < 1 || replicas > MAX_SHARDS_OR_REPLICAS) {
      throw new IllegalArgumentException("The solr-replicas must be between 1 and " + MAX_SHARDS_OR_REPLICAS
          + ", got " + replicas + ".");
    }
    SolrNodes.parse(urls); // a bad URL fails now, named, not at the first search
  }
}
