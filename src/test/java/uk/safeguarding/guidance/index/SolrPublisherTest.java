package uk.safeguarding.guidance.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The collection names builds write, and the order they were begun in (SolrCloudIT builds real ones). */
class SolrPublisherTest {

  @Test
  void a_builds_stamp_is_read_back_from_its_collections_name_and_names_without_one_are_oldest() {
    long millis = 1_796_000_000_000L;
    String name = "guidance_53a781467fb28658_w" + SolrPublisher.STAMP + Long.toString(millis, Character.MAX_RADIX);
    assertEquals(millis, SolrPublisher.stamp(name));
    assertEquals(0, SolrPublisher.stamp("guidance_53a781467fb28658_w"), "an older release's name");
    assertEquals(0, SolrPublisher.stamp("guidance_b3a781467fb28658_v"), "a hash that starts with b is no stamp");
    assertTrue(SolrPublisher.stamp(name) > SolrPublisher.stamp("guidance_53a781467fb28658_v_b1"));
  }
}
