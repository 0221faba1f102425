package uk.safeguarding.guidance.index;

/** Index field names, in one place. */
public final class Fields {

  private Fields() {}

  /** Passage id, "docId#anchor": stored, exact-match, and sorted on to break score ties. */
  public static final String ID = "id";
  /** The document's id, for filtering and grouping. */
  public static final String DOC_ID = "docId";
  /** The document title: analysed; weighs more than body text. */
  public static final String TITLE = "title";
  /** The passage's heading path below the title: analysed; weighs more than body text. */
  public static final String SECTION = "section";
  /** The passage text itself. */
  public static final String BODY = "body";
  /** Filter fields hold lowercase exact values. */
  public static final String TYPE = "type";
  public static final String ORGANISATION = "organisation";
  public static final String THEME = "theme";
  public static final String YEAR = "year";
  /** The passage's dense embedding (unit length, dot product), when dense retrieval is on. */
  public static final String VECTOR = "vector";
  /** {@link #KIND_ACTION} for what-to-do passages (what you should do, recommendations), else {@link #KIND_OTHER}. */
  public static final String KIND = "kind";
  /** The {@link #KIND} of a passage that tells a practitioner what to do; search boosts it. */
  public static final String KIND_ACTION = "action";
  /** The {@link #KIND} of every other passage. */
  public static final String KIND_OTHER = "other";
}
