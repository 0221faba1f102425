package uk.safeguarding.guidance.solr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collections, configsets and the alias searches go through, by Solr's Collections and Configsets
 * APIs. A rebuilt library is written to a new collection, which the alias is then switched to in one
 * step: searches see the old collection or the new one, never a half-built one. Thread-safe.
 */
public final class SolrCollections {

  /** The alias every search asks; it names the collection of the current library. */
  public static final String ALIAS = "guidance";

  private final SolrNodes nodes;

  public SolrCollections(SolrNodes nodes) {
    this.nodes = nodes;
  }

  /** Uploads {@code configset} unless Solr already holds one of that name (the name is its hash). */
  public void ensureConfigset(SolrConfigset configset) {
    JsonObject list = nodes.get("/admin/configs", Map.of("action", "LIST", "wt", "json"), SolrNodes.REQUEST_TIMEOUT);
    if (strings(list.getAsJsonArray("configSets")).contains(configset.name())) {
      return;
    }
    try {
      nodes.postBytes("/admin/configs?action=UPLOAD&wt=json&name=" + configset.name(), "application/octet-stream",
          configset.zip(), SolrNodes.ADMIN_TIMEOUT);
    } catch (SolrNodes.SolrException e) {
      if (!String.valueOf(e.getMessage()).contains("already exists")) {
        throw e; // another replica uploading the same configset at the same moment is fine
      }
    }
  }

  /** The collection the alias points to now, if any. */
  public Optional<String> aliased() {
    JsonObject answer = nodes.get("/admin/collections", Map.of("action", "LISTALIASES", "wt", "json"),
        SolrNodes.REQUEST_TIMEOUT);
    JsonObject aliases = answer.getAsJsonObject("aliases");
    if (aliases == null || !aliases.has(ALIAS)) {
      return Optional.empty();
    }
    return Optional.of(aliases.get(ALIAS).getAsString());
  }

  /**
   * Waits until every node that answers resolves the alias to {@code collection}: an alias change
   * spreads through ZooKeeper in a moment, and until it has, a node may still search the old one.
   */
  public void awaitAlias(String collection, java.time.Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<JsonObject> answers = nodes.getFromEach("/admin/collections", Map.of("action", "LISTALIASES", "wt", "json"),
          SolrNodes.REQUEST_TIMEOUT);
      boolean all = !answers.isEmpty() && answers.stream().allMatch(a -> a.getAsJsonObject("aliases") != null
          && a.getAsJsonObject("aliases").has(ALIAS)
          && collection.equals(a.getAsJsonObject("aliases").get(ALIAS).getAsString()));
      if (all) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new SolrNodes.SolrException(
            "The alias " + ALIAS + " did not reach " + collection + " on every node within "
                + timeout);
      }
      try {
        Thread.sleep(ALIAS_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SolrNodes.SolrException("Interrupted while waiting for the alias to reach " + collection);
      }
    }
  }

  /** How often {@link #awaitAlias} asks the nodes again. */
  static final long ALIAS_POLL_MILLIS = 100;

  public List<String> collections() {
    return strings(nodes.get("/admin/collections", Map.of("action", "LIST", "wt", "json"), SolrNodes.REQUEST_TIMEOUT)
        .getAsJsonArray("collections"));
  }

  /** Creates {@code name} with {@code shards} × {@code replicas} and waits until every replica is active. */
  public void create(String name, String configset, int shards, int replicas) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("action", "CREATE");
    params.put("name", name);
    params.put("collection.configName", configset);
    params.put("numShards", Integer.toString(shards));
    params.put("replicationFactor", Integer.toString(replicas));
    params.put("waitForFinalState", "true");
    params.put("wt", "json");
    nodes.get("/admin/collections", params, SolrNodes.ADMIN_TIMEOUT);
  }

  public void delete(String name) {
    nodes.get("/admin/collections", Map.of("action", "DELETE", "name", name, "wt", "json"), SolrNodes.ADMIN_TIMEOUT);
  }

  /** Points the alias at {@code collection}: one atomic step in ZooKeeper. */
  public void switchAlias(String collection) {
    nodes.get("/admin/collections", Map.of("action", "CREATEALIAS", "name", ALIAS, "collections", collection,
        "wt", "json"), SolrNodes.ADMIN_TIMEOUT);
  }

  /** Adds (or replaces, by id) documents; not visible until {@link #commit}. */
  public void add(String collection, List<JsonObject> documents) {
    JsonArray batch = new JsonArray();
    documents.forEach(batch::add);
    nodes.postJson("/" + collection + "/update?wt=json", batch, SolrNodes.ADMIN_TIMEOUT);
  }

  /** Makes every added document searchable. */
  public void commit(String collection) {
    JsonObject commit = new JsonObject();
    commit.add("commit", new JsonObject());
    nodes.postJson("/" + collection + "/update?wt=json", commit, SolrNodes.ADMIN_TIMEOUT);
  }

  /** How many documents {@code collection} serves. */
  public long count(String collection) {
    JsonObject answer = nodes.get("/" + collection + "/select", Map.of("q", "*:*", "rows", "0", "wt", "json"),
        SolrNodes.REQUEST_TIMEOUT);
    return answer.getAsJsonObject("response").get("numFound").getAsLong();
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      for (JsonElement e : array) {
        out.add(e.getAsString());
      }
    }
    return out;
  }
}
