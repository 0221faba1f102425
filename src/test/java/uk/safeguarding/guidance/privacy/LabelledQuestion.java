package uk.safeguarding.guidance.privacy;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.io.BufferedReader;

/**
 * A line of src/test/resources/privacy/masking-set.jsonl: a realistic question and the exact
 * substrings of it that are identifiers. The split is fixed before any tuning: a question whose
 * SHA-256 (UTF-8, as a number) is 0 mod 4 is in the test split, the rest in train.
 */
record LabelledQuestion(String q, List<String> identifiers, List<String> kinds) {

  private static final String SET = "/privacy/masking-set.jsonl";
  private static final BigInteger SPLITS = BigInteger.valueOf(4);

  LabelledQuestion {
    if (q == null || identifiers == null || kinds == null || identifiers.size() != kinds.size()) {
      throw new IllegalArgumentException("A labelled question needs 'q' and as many 'kinds' as 'identifiers': " + q);
    }
    for (String identifier : identifiers) {
      if (!q.contains(identifier)) {
        throw new IllegalArgumentException("The identifier '" + identifier + "' is not in the question: " + q);
      }
    }
  }

  boolean inTestSplit() {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(q.getBytes(StandardCharsets.UTF_8));
      return new BigInteger(1, hash).mod(SPLITS).signum() == 0;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  static List<LabelledQuestion> all() {
    Gson gson = new Gson();
    List<LabelledQuestion> questions = new ArrayList<>();
    try (InputStream in = LabelledQuestion.class.getResourceAsStream(SET);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          questions.add(gson.fromJson(line, LabelledQuestion.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + SET, e);
    }
    return questions;
  }

  static List<LabelledQuestion> split(boolean test) {
    return all().stream().filter(q -> q.inTestSplit() == test).toList();
  }
}
