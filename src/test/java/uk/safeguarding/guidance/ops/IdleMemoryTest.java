package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class IdleMemoryTest {

  private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

  @Test
  void heap_free_ratios_left_at_their_defaults_are_set_and_an_operators_own_are_kept() {
    String max = expected("MaxHeapFreeRatio", IdleMemory.MAX_FREE_PERCENT);
    String min = expected("MinHeapFreeRatio", IdleMemory.MIN_FREE_PERCENT);
    IdleMemory.returnWhenIdle();
    assertEquals(max, vm.getVMOption("MaxHeapFreeRatio").getValue());
    assertEquals(min, vm.getVMOption("MinHeapFreeRatio").getValue());
  }

  @Test
  void trimming_the_native_heap_never_fails_the_caller() {
    assertDoesNotThrow(IdleMemory::trimNativeHeap);
  }

  /** Ours where the setting is at its default (or already ours), else the command line's value, kept. */
  private String expected(String name, int ours) {
    VMOption option = vm.getVMOption(name);
    boolean free = option.getOrigin() == VMOption.Origin.DEFAULT || option.getOrigin() == VMOption.Origin.MANAGEMENT;
    return free ? Integer.toString(ours) : option.getValue();
  }
}
