package uk.safeguarding.guidance.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud for a test: Solr nodes and ZooKeeper in a JVM of their own, started by the
 * launcher in {@code tools/solr-cluster} (built by {@code mvn verify} before the *IT classes run;
 * Solr 9's Jetty 10 cannot share the test JVM with Javalin's Jetty 12). Loopback only. Closing it,
 * or the test JVM ending, shuts the cluster down.
 */
public final class TestSolrCloud implements AutoCloseable {

  static final Path LAUNCHER = Path.of("tools/solr-cluster/target");
  static final String PREFIX = "solr-cluster ";
  /** A cluster of two nodes is up in about 10 s on a quiet 2-core machine; this allows for a busy one. */
  static final long START_SECONDS = 180;

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final List<String> urls;

  private TestSolrCloud(Process process) throws IOException, InterruptedException {
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.startsWith(PREFIX)) {
            answers.add(line.substring(PREFIX.length()));
          }
        }
      } catch (IOException e) {
        answers.add("error " + e);
      }
      answers.add("exited");
    }, "solr-cluster-output");
    reader.setDaemon(true);
    reader.start();
    String ready = await("ready", START_SECONDS);
    this.urls = List.copyOf(Arrays.asList(ready.substring("ready ".length()).split(" ")));
  }

  /** Starts {@code nodes} Solr nodes with their data under {@code dir}. */
  public static TestSolrCloud start(int nodes, Path dir) throws IOException, InterruptedException {
    Path classpath = LAUNCHER.resolve("classpath.txt");
    if (!Files.isRegularFile(classpath)) {
      throw new IllegalStateException("The Solr launcher is not built: " + classpath.toAbsolutePath()
          + " is missing. `mvn verify` builds it before the integration tests (tools/solr-cluster).");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-cp",
        LAUNCHER.resolve("classes") + java.io.File.pathSeparator + Files.readString(classpath).strip(),
        "uk.safeguarding.guidance.tools.SolrCluster", Integer.toString(nodes), dir.toString()));
    // Solr's warnings go to a file in target/, so a failure in CI can be read afterwards.
    Path log = Path.of("target", "solr-cluster.log");
    Files.createDirectories(log.getParent());
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new TestSolrCloud(p);
  }

  /** The nodes' base URLs, e.g. http://127.0.0.1:41234/solr. */
  public List<String> urls() {
    return urls;
  }

  public String urlList() {
    return String.join(",", urls);
  }

  /** Stops node {@code n}; its replicas go down with it. */
  public void stop(int n) throws IOException, InterruptedException {
    send("stop " + n);
    await("stopped " + n, 60);
  }

  /** Starts node {@code n} again, on its old port. */
  public void start(int n) throws IOException, InterruptedException {
    send("start " + n);
    await("started " + n, 120);
  }

  private void send(String command) throws IOException {
    commands.write(command + "\n");
    commands.flush();
  }

  private String await(String expected, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      String line = answers.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new IllegalStateException("The Solr cluster did not say '" + expected + "' within " + seconds + " s");
      }
      if (line.startsWith(expected)) {
        return line;
      }
      if (line.startsWith("error") || line.equals("exited")) {
        throw new IllegalStateException("The Solr cluster failed waiting for '" + expected + "': " + line);
      }
    }
  }

  @Override
  public void close() {
    try {
      send("quit");
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }
}
