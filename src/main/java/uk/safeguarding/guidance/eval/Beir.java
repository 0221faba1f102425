package uk.safeguarding.guidance.eval;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A BEIR-format collection: {@code corpus.jsonl}, {@code queries.jsonl} and {@code qrels/<split>.tsv}. */
public record Beir(List<Doc> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {

  /** One corpus document. */
  public record Doc(String id, String title, String text) {}

  public static Beir read(Path dir, String split) throws IOException {
    for (String file : List.of("corpus.jsonl", "queries.jsonl")) {
      if (!Files.isRegularFile(dir.resolve(file))) {
        throw new IOException("Not a BEIR collection: " + dir.resolve(file) + " does not exist.");
      }
    }
    List<Doc> corpus = new ArrayList<>();
    for (JsonObject o : jsonLines(dir.resolve("corpus.jsonl"))) {
      corpus.add(new Doc(o.get("_id").getAsString(), o.has("title") ? o.get("title").getAsString() : "",
          o.get("text").getAsString()));
    }
    Path qrelsFile = dir.resolve("qrels").resolve(split + ".tsv");
    if (!Files.exists(qrelsFile)) {
      throw new IOException("No qrels for split '" + split + "': " + qrelsFile + " does not exist.");
    }
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(qrelsFile, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      String[] f = lines.get(n).strip().split("\t");
      if (f[0].isEmpty() || f[0].equals("query-id")) {
        continue;
      }
      try {
        int gain = Integer.parseInt(f[f.length - 1].strip());
        if (f.length != 3) {
          throw new NumberFormatException();
        }
        if (gain > 0) {
          qrels.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], gain);
        }
      } catch (NumberFormatException e) {
        throw new IOException(qrelsFile + " line " + (n + 1) + ": expected query-id, corpus-id and a whole-number "
            + "score separated by tabs, got '" + lines.get(n) + "'.", e);
      }
    }
    Map<String, String> queries = new LinkedHashMap<>();
    for (JsonObject o : jsonLines(dir.resolve("queries.jsonl"))) {
      String id = o.get("_id").getAsString();
      if (qrels.containsKey(id)) {
        queries.put(id, o.get("text").getAsString());
      }
    }
    return new Beir(corpus, queries, qrels);
  }

  /** The non-blank lines of a JSON Lines file, each an object with string {@code _id} and {@code text}. */
  private static List<JsonObject> jsonLines(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<JsonObject> out = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      try {
        JsonObject o = JsonParser.parseString(lines.get(n)).getAsJsonObject();
        if (!o.has("_id") || !o.has("text") || !o.get("_id").isJsonPrimitive() || !o.get("text").isJsonPrimitive()) {
          throw new IllegalStateException();
        }
        out.add(o);
      } catch (RuntimeException e) { // Gson's syntax errors and non-object lines alike
        throw new IOException(file + " line " + (n + 1) + ": expected a JSON object with \"_id\" and \"text\".", e);
      }
    }
    return out;
  }
}
