package uk.safeguarding.guidance.ops;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Start-up of the one logging stack: SLF4J through Logback, configured by {@code logback.xml}. */
public final class Logging {

  private Logging() {}

  /**
   * Routes {@code java.util.logging} (ONNX Runtime and other libraries log through it) into SLF4J,
   * so its lines come out in Logback's format rather than JUL's own two-line one. Idempotent.
   */
  public static synchronized void routeJavaUtilLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
