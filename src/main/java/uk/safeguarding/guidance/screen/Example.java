package uk.safeguarding.guidance.screen;

/**
 * One labelled situation the screen learns from.
 *
 * @param split where it came from: {@code train} or {@code test} (the shipped bank, split by a fixed
 *     rule before any tuning) or {@code trainer} (added by a trainer in the corpus folder)
 */
public record Example(String text, boolean urgent, String split) {

  public Example {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("An example needs text");
    }
    text = text.strip();
  }
}
