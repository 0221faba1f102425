package uk.safeguarding.guidance.answer;

/**
 * The assistant's own words about emergencies: product text, not guidance from the library, so
 * never cited. Which questions are urgent is the safety screen's decision ({@code screen} package).
 */
public final class Urgency {

  /** Shown above everything else when the screen finds a child in danger now. */
  public static final String MESSAGE = "If a child is in immediate danger, call the police on 999 now. "
      + "If the child is not in immediate danger but you are worried they will be harmed, contact children's "
      + "social care straight away, and out of hours the Emergency Duty Team. Do not wait to read guidance first.";

  /**
   * Leads every "not covered" answer: a practitioner describing a child's situation the library has
   * no answer for must still read first who to contact, never only "try different words".
   */
  public static final String DECLINE_PROMPT = "If a child may be in danger now, call 999, or contact children's "
      + "social care (out of hours, the Emergency Duty Team) before anything else.";

  private Urgency() {}
}
