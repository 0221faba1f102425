package uk.safeguarding.guidance.answer;

import java.util.List;
import uk.safeguarding.guidance.search.Reranker;
import uk.safeguarding.guidance.search.SearchHit;

/**
 * The answer step's passage reranker ({@link PassageRanker}) serving the search API: the top
 * {@link PassageRanker#DEPTH} passages a search found, reordered by how likely each is to answer, as
 * an answer's are. Never waits: before the models are first trained (seconds after start-up), or
 * without the embedding model, or past {@link AnswerSearch#WARM_PASSAGES} (sentences not embedded
 * ahead), the search's own order stands. Thread-safe.
 */
final class SearchReranker implements Reranker {

  private final AnswerSearch finder;
  private final LearnedModels learned;

  SearchReranker(AnswerSearch finder, LearnedModels learned) {
    this.finder = finder;
    this.learned = learned;
  }

  @Override
  public int depth() {
    return PassageRanker.DEPTH;
  }

  @Override
  public int[] order(String query, List<SearchHit> hits) {
    LearnedModels.Trained models = learned.current();
    if (models == null || models.ranker() == null) {
      return null;
    }
    return finder.candidates(query, hits).map(models.ranker()::order).orElse(null);
  }
}
