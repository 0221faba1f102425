package uk.safeguarding.guidance.eval;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
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
    List<Doc> corpus = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(dir.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          JsonObject o = JsonParser.parseString(line).getAsJsonObject();
          corpus.add(new Doc(o.get("_id").getAsString(), o.has("title") ? o.get("title").getAsString() : "",
              o.get("text").getAsString()));
        }
      }
    }
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    Path qrelsFile = dir.resolve("qrels").resolve(split + ".tsv");
    if (!Files.exists(qrelsFile)) {
      throw new IOException("No qrels for split '" + split + "': " + qrelsFile + " does not exist.");
    }
    for (String line : Files.readAllLines(qrelsFile, StandardCharsets.UTF_8)) {
      String[] f = line.strip().split("\t");
      if (f.length < 3 || f[0].equals("query-id")) {
        continue;
      }
      int gain = Integer.parseInt(f[2].strip());
      if (gain > 0) {
        qrels.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], gain);
      }
    }
    Map<String, String> queries = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(dir.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          JsonObject o = JsonParser.parseString(line).getAsJsonObject();
          String id = o.get("_id").getAsString();
          if (qrels.containsKey(id)) {
            queries.put(id, o.get("text").getAsString());
          }
        }
      }
    }
    return new Beir(corpus, queries, qrels);
  }
}
