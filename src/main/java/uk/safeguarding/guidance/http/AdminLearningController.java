package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import uk.safeguarding.guidance.learning.LearningStore;

/** What the learning loop shows trainers: unanswered and poorly rated questions, the audit log. */
final class AdminLearningController {

  private final LearningStore learning;

  AdminLearningController(AdminServices admin) {
    this.learning = admin.learning();
  }

  void unanswered(Context ctx) {
    var groups = learning.unansweredGroups().stream().map(AdminDto.GroupView::of).toList();
    ctx.json(new AdminDto.GroupsView(groups.size(), groups));
  }

  void poorlyRated(Context ctx) {
    var groups = learning.poorlyRatedGroups().stream().map(AdminDto.GroupView::of).toList();
    ctx.json(new AdminDto.GroupsView(groups.size(), groups));
  }

  void unansweredCsv(Context ctx) {
    csv(ctx, "unanswered-questions.csv", learning.unansweredCsv());
  }

  void poorlyRatedCsv(Context ctx) {
    csv(ctx, "poorly-rated-answers.csv", learning.poorlyRatedCsv());
  }

  void audit(Context ctx) {
    int limit = Params.integer(ctx, "limit", 100, 1, 1000);
    ctx.json(new AdminDto.AuditList(learning.audit(limit).stream().map(AdminDto.AuditView::of).toList()));
  }

  private static void csv(Context ctx, String filename, String body) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .contentType("text/csv; charset=utf-8").result(body);
  }
}
