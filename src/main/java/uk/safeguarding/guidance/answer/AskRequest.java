package uk.safeguarding.guidance.answer;

import uk.safeguarding.guidance.search.Filters;

/** A question from the chat page, optionally continuing a conversation and filtered. */
public record AskRequest(String question, String conversationId, Filters filters) {

  public static final int MAX_QUESTION_CHARS = 1000;

  public AskRequest {
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("The parameter 'question' must not be empty.");
    }
    if (question.length() > MAX_QUESTION_CHARS) {
      throw new IllegalArgumentException(
          "The parameter 'question' must be at most " + MAX_QUESTION_CHARS + " characters.");
    }
    question = question.strip();
    filters = filters == null ? Filters.NONE : filters;
  }
}
