package uk.safeguarding.guidance.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class OnnxNativesTest {

  @Test
  void the_jar_carries_onnx_runtimes_libraries_for_this_platform_where_the_server_copies_them_from() throws Exception {
    assertEquals(2, OnnxNatives.libraries().size());
    for (String name : OnnxNatives.libraries()) {
      try (InputStream in = OnnxNatives.class.getResourceAsStream(
          "/ai/onnxruntime/native/" + OnnxNatives.platform() + "/" + name)) {
        assertNotNull(in, OnnxNatives.platform() + "/" + name);
      }
    }
  }
}
