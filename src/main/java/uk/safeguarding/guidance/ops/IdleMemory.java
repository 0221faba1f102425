package uk.safeguarding.guidance.ops;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives memory back to the machine once the start-up work is done, and when the server is idle. The
 * start-up work (training the safety screen on 2,592 embedded examples, then the answer step's
 * models) needs about 140 MiB of heap for a minute; serving the shipped corpus needs about 65. By
 * default the JVM keeps the heap it once grew to, and glibc keeps what ONNX Runtime and the JIT
 * compiler freed, so the process stayed at about 500 MiB resident (BENCHMARKS.md section 10).
 * Only the JVM's own settings that can be changed while it runs ("manageable") are used, and only
 * where the operator left them at their defaults; the heap's ceiling ({@code -Xmx}) is not
 * touched, so a large upload has the same room as before. Stateless; thread-safe.
 */
public final class IdleMemory {

  private static final Logger LOG = LoggerFactory.getLogger(IdleMemory.class);
  /**
   * After a collection the heap keeps at most this percentage free (default 70: up to three times
   * the live data). 30 keeps about 1.4 times the live data, and G1 grows it again under load.
   */
  static final int MAX_FREE_PERCENT = 30;
  /** ... and at least this percentage free (default 40); must not exceed {@link #MAX_FREE_PERCENT}. */
  static final int MIN_FREE_PERCENT = 10;
  /**
   * With no collection for this long, G1 runs one (concurrently) and shrinks the heap; under load
   * collections happen anyway, so this only acts when idle. About one short cycle a minute idle.
   */
  static final Duration IDLE_COLLECTION = Duration.ofMinutes(1);
  /**
   * How often memory that native code freed (ONNX Runtime's runs, the JIT compiler) goes back from
   * glibc to the machine; one trim costs a few milliseconds.
   */
  public static final Duration TRIM_EVERY = Duration.ofMinutes(1);

  private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";
  /** The MBean operation of {@code jcmd <pid> System.trim_native_heap} (JDK 17.0.9 and later). */
  private static final String TRIM_NATIVE_HEAP = "systemTrimNativeHeap";

  private IdleMemory() {}

  /** Sets the heap to shrink after collections and when idle; call once, at start. */
  public static void returnWhenIdle() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    // Min before max: the JVM refuses a maximum below the current minimum.
    setIfDefault(vm, "MinHeapFreeRatio", Integer.toString(MIN_FREE_PERCENT));
    setIfDefault(vm, "MaxHeapFreeRatio", Integer.toString(MAX_FREE_PERCENT));
    setIfDefault(vm, "G1PeriodicGCInterval", Long.toString(IDLE_COLLECTION.toMillis()));
  }

  /**
   * Collects the start-up work's garbage now and shrinks the heap, then trims the native heap; call
   * once when that work is done, rather than waiting for the first idle collection.
   */
  public static void settle() {
    System.gc();
    trimNativeHeap();
  }

  /** Returns memory freed by native code to the machine; a no-op where the JVM or libc cannot. */
  public static void trimNativeHeap() {
    try {
      ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMANDS), TRIM_NATIVE_HEAP,
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
    } catch (JMException | RuntimeException e) {
      LOG.debug("Native heap not trimmed: {}", e.toString());
    }
  }

  private static void setIfDefault(HotSpotDiagnosticMXBean vm, String name, String value) {
    try {
      if (vm.getVMOption(name).getOrigin() == VMOption.Origin.DEFAULT) {
        vm.setVMOption(name, value);
      }
    } catch (IllegalArgumentException e) {
      LOG.debug("JVM setting {} left as it is: {}", name, e.getMessage()); // absent or not manageable here
    }
  }
}
