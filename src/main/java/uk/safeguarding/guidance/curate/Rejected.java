package uk.safeguarding.guidance.curate;

import java.io.Serial;

/**
 * A curation request that cannot be carried out, naming the parameter at fault. Nothing has been
 * written when this is thrown.
 */
public final class Rejected extends RuntimeException {

  @Serial
  private static final long serialVersionUID = 1L;

  /** Why: the HTTP layer maps each to a status. */
  public enum Kind {
    BAD_INPUT, TOO_LARGE, DUPLICATE, CONFLICT, NOT_FOUND
  }

  private final Kind kind;
  private final String parameter;
  private final String value;
  private final String currentVersion;

  Rejected(Kind kind, String parameter, String value, String message) {
    this(kind, parameter, value, message, null, null);
  }

  Rejected(Kind kind, String parameter, String value, String message, String currentVersion, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.parameter = parameter;
    this.value = value;
    this.currentVersion = currentVersion;
  }

  /** A rejection for callers outside this package (e.g. the HTTP layer refusing an oversized body). */
  public static Rejected of(Kind kind, String parameter, String value, String message) {
    return new Rejected(kind, parameter, value, message);
  }

  static Rejected bad(String parameter, String value, String message) {
    return new Rejected(Kind.BAD_INPUT, parameter, value, message);
  }

  public Kind kind() {
    return kind;
  }

  public String parameter() {
    return parameter;
  }

  public String value() {
    return value;
  }

  /** For a version conflict: the version the caller should reload. */
  public String currentVersion() {
    return currentVersion;
  }
}
