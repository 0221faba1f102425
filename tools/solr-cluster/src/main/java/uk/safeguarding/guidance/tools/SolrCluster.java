package uk.safeguarding.guidance.tools;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real SolrCloud for the scale-out tests: {@code nodes} Solr nodes and an embedded ZooKeeper on
 * loopback, started by Solr's own MiniSolrCloudCluster in this JVM. The test drives it over stdin and
 * reads its answers on stdout, one line each, prefixed {@value #PREFIX}:
 * <pre>
 *   ready http://127.0.0.1:p1/solr http://127.0.0.1:p2/solr   (once the nodes are up)
 *   stop N     → stopped N          (node N, from 0, shut down; its port is then closed)
 *   start N    → started N URL      (node N started again, on its old port)
 *   quit, or end of input → the cluster is shut down and the JVM exits
 * </pre>
 * End of input ends it, so a test JVM that dies never leaves Solr running.
 */
public final class SolrCluster {

  static final String PREFIX = "solr-cluster ";

  private SolrCluster() {}

  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    Path base = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("solr-cluster");
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, base).build();
    List<JettySolrRunner> runners = new ArrayList<>(cluster.getJettySolrRunners());
    StringBuilder urls = new StringBuilder();
    for (JettySolrRunner r : runners) {
      urls.append(' ').append(r.getBaseUrl());
    }
    say("ready" + urls);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null && !line.strip().equals("quit"); line = in.readLine()) {
        String[] words = line.strip().split("\\s+");
        try {
          if (words[0].equals("stop")) {
            int n = Integer.parseInt(words[1]);
            cluster.stopJettySolrRunner(runners.get(n));
            say("stopped " + n);
          } else if (words[0].equals("start")) {
            int n = Integer.parseInt(words[1]);
            JettySolrRunner restarted = cluster.startJettySolrRunner(runners.get(n), true);
            cluster.waitForNode(restarted, 30);
            runners.set(n, restarted);
            say("started " + n + " " + restarted.getBaseUrl());
          } else {
            say("error unknown command: " + line);
          }
        } catch (Exception e) {
          say("error " + e);
        }
      }
    } finally {
      cluster.shutdown();
      say("down");
    }
    System.exit(0);
  }

  private static void say(String line) {
    System.out.println(PREFIX + line);
    System.out.flush();
  }
}
