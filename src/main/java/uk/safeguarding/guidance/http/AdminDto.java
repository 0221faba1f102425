package uk.safeguarding.guidance.http;

import java.util.List;
import uk.safeguarding.guidance.curate.Curator;
import uk.safeguarding.guidance.index.Reindexer;
import uk.safeguarding.guidance.learning.LearningStore;

/** The JSON shapes of the trainers' API, as records. */
final class AdminDto {

  private AdminDto() {}

  /** An error of the trainers' API; {@code currentVersion} is set on a version conflict. */
  record Problem(String error, String parameter, String value, String currentVersion) {}

  /** Who is signed in; the CSRF token to send as X-CSRF-Token (null for API tokens, which need none). */
  record SessionView(String trainer, String csrfToken, int maxUploadMb) {}

  /**
   * Where indexing stands: the reindexer's state and message, when it last changed, builds asked
   * for and not yet done, and the library now serving.
   */
  record ReindexView(String state, String message, String at, int pending, int documents, int passages) {}

  record ChangeView(String action, String target, String file, String version, String detail, ReindexView reindex) {

    static ChangeView of(Curator.Change c, ReindexView reindex) {
      return new ChangeView(c.action(), c.target(), c.file(), c.version(), c.detail(), reindex);
    }
  }

  record DocumentsView(int total, List<Curator.DocumentEntry> documents, List<SkippedView> skipped) {}

  record SkippedView(String file, String reason) {}

  record GroupView(String question, int count, String last, List<String> reasons, boolean urgent, String urgentReason) {

    static GroupView of(LearningStore.Group g) {
      return new GroupView(g.question(), g.count(), g.last().toString(), g.reasons(), g.urgent(), g.urgentReason());
    }
  }

  record GroupsView(int total, List<GroupView> groups) {}

  record AuditView(String at, String actor, String action, String target, String detail) {

    static AuditView of(LearningStore.AuditEntry e) {
      return new AuditView(e.at().toString(), e.actor(), e.action(), e.target(), e.detail());
    }
  }

  record AuditList(List<AuditView> entries) {}

  record TokenCreated(String id, String name, String token) {}

  record TokenList(List<uk.safeguarding.guidance.auth.Accounts.TokenInfo> tokens) {}

  record Revoked(String id, boolean revoked) {}

  static ReindexView reindex(Reindexer.Status s, int pending, int documents, int passages) {
    return new ReindexView(s.state(), s.message(), s.at().toString(), pending, documents, passages);
  }
}
