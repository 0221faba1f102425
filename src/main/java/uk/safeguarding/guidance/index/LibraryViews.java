package uk.safeguarding.guidance.index;

import java.util.List;
import java.util.Optional;
import uk.safeguarding.guidance.corpus.Corpus;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.SourceDocument;

/**
 * What the HTTP layer shows of the current library — counts, the document list, one document, the
 * filter values — each read under a lease of its own and handed out as immutable values, so no
 * handler holds a lease. Thread-safe.
 */
public final class LibraryViews {

  /** The library's size and the state of its text files, for /health, /metrics and the trainers. */
  public record Overview(int documents, int passages, int synonymRules, String synonymsProblem,
      List<Corpus.Skipped> skipped) {}

  /** A document and how many passages it was split into. */
  public record Entry(SourceDocument document, int passages) {}

  /** A document with its passages, in order. */
  public record Document(SourceDocument document, List<Passage> passages) {}

  private final LibraryHolder holder;

  public LibraryViews(LibraryHolder holder) {
    this.holder = holder;
  }

  /** Empty until the first library serves (or after the last closed). */
  public Optional<Overview> overview() {
    if (!holder.isReady()) {
      return Optional.empty();
    }
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library lib = lease.library();
      return Optional.of(new Overview(lib.documents().size(), lib.passageCount(), lib.analysis().synonymRules(),
          lib.analysis().synonymsProblem(), List.copyOf(lib.corpus().skipped())));
    } catch (LibraryHolder.NotReadyException e) {
      return Optional.empty(); // closed between the check and the lease
    }
  }

  /** Every document, in library order; throws {@link LibraryHolder.NotReadyException} before the first index. */
  public List<Entry> documents() {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library lib = lease.library();
      return lib.documents().values().stream().map(d -> new Entry(d, lib.passages(d.id()).size())).toList();
    }
  }

  /** One document and its passages, if the library holds it. */
  public Optional<Document> document(String id) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library lib = lease.library();
      SourceDocument doc = lib.documents().get(id);
      return doc == null ? Optional.empty() : Optional.of(new Document(doc, List.copyOf(lib.passages(id))));
    }
  }

  /** The valid filter and facet values of the current generation. */
  public Catalog catalog() {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return lease.library().catalog();
    }
  }
}
