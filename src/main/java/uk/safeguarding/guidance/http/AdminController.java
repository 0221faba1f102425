package uk.safeguarding.guidance.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.safeguarding.guidance.curate.Curator;
import uk.safeguarding.guidance.curate.MetadataForm;
import uk.safeguarding.guidance.curate.Rejected;
import uk.safeguarding.guidance.curate.Upload;
import uk.safeguarding.guidance.index.LibraryViews;
import uk.safeguarding.guidance.index.Reindexer;
import uk.safeguarding.guidance.ops.Causes;

/** The trainers' curation API: documents, previews, the synonyms and glossary files, reindexing. */
final class AdminController {

  /** The fields a metadata edit may send; any other is refused, so a misspelt one is never silently ignored. */
  static final Set<String> EDIT_FIELDS =
      Set.of("version", "id", "title", "organisation", "type", "date", "period", "themes", "source");
  /** The fields of a synonyms or glossary save. */
  static final Set<String> TEXT_FILE_FIELDS = Set.of("version", "text");

  /**
   * The fields of an upload beside its file (title, themes, the structure fixes…) may be this many bytes
   * together (Jetty's own default for form content, set by {@link WebServer} and named here): a title is at
   * most 500 characters, and the fixes of a long report a few kilobytes. Past it the upload is a 413
   * naming {@code field}; before, it read as a file over the upload limit.
   */
  static final int FORM_FIELDS_BYTES = 200_000;
  /** How Jetty's exception says the fields are over {@link #FORM_FIELDS_BYTES} (AdminDocumentsTest checks it). */
  private static final String JETTY_FORM_TOO_LARGE = "Form is larger than max length";

  /** Room for the multipart framing and metadata fields beside the file. */
  static final long MULTIPART_MARGIN = 1L << 20;

  private final Curator curator;
  private final Reindexer reindexer;
  private final LibraryViews views;

  AdminController(Services services) {
    this.curator = services.admin().curator();
    this.reindexer = services.reindexer();
    this.views = new LibraryViews(services.library());
  }

  void documents(Context ctx) {
    Curator.Listing l = curator.documents();
    ctx.json(new AdminDto.DocumentsView(l.documents().size(), l.documents(),
        l.skipped().stream().map(s -> new AdminDto.SkippedView(s.file(), s.reason())).toList()));
  }

  void document(Context ctx) {
    ctx.json(curator.document(ctx.pathParam("id")));
  }

  void upload(Context ctx) {
    Curator.Change c = curator.upload(AuthGuard.trainer(ctx), readUpload(ctx));
    ctx.status(201).json(AdminDto.ChangeView.of(c, status()));
  }

  void preview(Context ctx) {
    ctx.json(curator.preview(readUpload(ctx)));
  }

  void replace(Context ctx) {
    Upload upload = readUpload(ctx);
    Curator.Change c = curator.replace(AuthGuard.trainer(ctx), ctx.pathParam("id"), ctx.formParam("version"), upload);
    ctx.json(AdminDto.ChangeView.of(c, status()));
  }

  void edit(Context ctx) {
    JsonObject body = jsonObject(ctx);
    onlyKnown(body, EDIT_FIELDS);
    MetadataForm form = new MetadataForm(string(body, "id"), string(body, "title"), string(body, "organisation"),
        string(body, "type"), string(body, "date"), string(body, "period"), themes(body), string(body, "source"));
    Curator.Change c = curator.editMetadata(AuthGuard.trainer(ctx), ctx.pathParam("id"), string(body, "version"), form);
    ctx.json(AdminDto.ChangeView.of(c, status()));
  }

  void delete(Context ctx) {
    Curator.Change c = curator.delete(AuthGuard.trainer(ctx), ctx.pathParam("id"), ctx.queryParam("version"));
    ctx.json(AdminDto.ChangeView.of(c, status()));
  }

  void synonyms(Context ctx) {
    textFile(ctx, "synonyms");
  }

  void glossary(Context ctx) {
    textFile(ctx, "glossary");
  }

  /** A trainers' text file of the corpus folder, by its name in {@code Curator.TEXT_FILES}. */
  void textFile(Context ctx, String name) {
    ctx.json(curator.textFile(name));
  }

  void saveSynonyms(Context ctx) {
    saveText(ctx, "synonyms");
  }

  void saveGlossary(Context ctx) {
    saveText(ctx, "glossary");
  }

  void saveText(Context ctx, String name) {
    JsonObject body = jsonObject(ctx);
    onlyKnown(body, TEXT_FILE_FIELDS);
    Curator.Change c =
        curator.saveTextFile(AuthGuard.trainer(ctx), name, string(body, "version"), string(body, "text"));
    ctx.json(AdminDto.ChangeView.of(c, status()));
  }

  void reindexStatus(Context ctx) {
    ctx.json(status());
  }

  void reindex(Context ctx) {
    curator.reindexNow(AuthGuard.trainer(ctx));
    ctx.status(202).json(status());
  }

  AdminDto.ReindexView status() {
    Optional<LibraryViews.Overview> serving = views.overview();
    return AdminDto.reindex(reindexer.status(), curator.pendingBuilds(),
        serving.map(LibraryViews.Overview::documents).orElse(0),
        serving.map(LibraryViews.Overview::passages).orElse(0));
  }

  /** The multipart upload: a 'file' part and metadata fields; a blank field means "not given". */
  private Upload readUpload(Context ctx) {
    long limit = curator.maxUploadBytes();
    long length = ctx.req().getContentLengthLong();
    if (length > limit + MULTIPART_MARGIN) {
      throw tooLarge(limit);
    }
    if (!ctx.isMultipartFormData()) {
      throw new BadRequest("body", ctx.contentType(),
          "Send the document as multipart/form-data with a 'file' part and the metadata fields.");
    }
    UploadedFile file;
    try {
      List<UploadedFile> files = ctx.uploadedFiles("file");
      if (files.size() > 1) {
        throw new BadRequest("file", files.size() + " files", "The parameter 'file' must be one file; "
            + files.size() + " were sent.");
      }
      file = files.isEmpty() ? null : files.get(0);
    } catch (BadRequest e) {
      throw e;
    } catch (Exception e) { // Jetty's ServletException arrives unchecked through Kotlin
      // Jetty refuses parts over the multipart limit, and malformed part headers, while parsing.
      String why = String.valueOf(e.getMessage());
      // A body sent in chunks has no length to check first; Jetty then says only "bad multipart" when it ends
      // past the limit. Its exception's class names are no help to a client and are not repeated.
      if (fieldsTooLarge(e)) {
        throw Rejected.of(Rejected.Kind.TOO_LARGE, "field", null, "The form's fields beside 'file' are over "
            + FORM_FIELDS_BYTES + " bytes together; a title is at most 500 characters.");
      }
      throw length > limit || why.toLowerCase(java.util.Locale.ROOT).contains("size") ? tooLarge(limit)
          : new BadRequest("body", null, "The multipart body cannot be read: it is malformed, or larger than the "
              + "upload limit of " + (limit >> 20) + " MB.");
    }
    if (file == null) {
      throw new BadRequest("file", null, "The parameter 'file' must be a file; none was sent.");
    }
    if (file.size() > limit) {
      throw tooLarge(limit);
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded file: " + e.getMessage(), e);
    }
    BadRequest.refuseUnknown("field", ctx.formParamMap().keySet(), UPLOAD_FIELDS, name -> null);
    MetadataForm form = new MetadataForm(formField(ctx, "id"), formField(ctx, "title"),
        formField(ctx, "organisation"), formField(ctx, "type"), formField(ctx, "date"), formField(ctx, "period"),
        MetadataForm.themes(formField(ctx, "themes")), formField(ctx, "source"));
    return new Upload(file.filename(), bytes, form, StructureFixes.parse(formField(ctx, "fixes")));
  }

  /** The fields an upload's form may carry beside its 'file': any other is a 400, as in the JSON bodies. */
  static final java.util.Set<String> UPLOAD_FIELDS = java.util.Set.of("file", "id", "title", "organisation", "type",
      "date", "period", "themes", "source", "fixes", "version");

  /** Whether Jetty refused the fields beside the file for their size ({@link #FORM_FIELDS_BYTES}). */
  private static boolean fieldsTooLarge(Throwable e) {
    return Causes.any(e,
        t -> t instanceof IllegalStateException && String.valueOf(t.getMessage()).startsWith(JETTY_FORM_TOO_LARGE));
  }

  private static RuntimeException tooLarge(long limit) {
    return Rejected.of(Rejected.Kind.TOO_LARGE, "file", null,
        "The parameter 'file' is over the upload limit of " + (limit >> 20) + " MB.");
  }

  /** A multipart field; null when absent or blank; 400 naming it when sent more than once (which would be ambiguous). */
  private static String formField(Context ctx, String name) {
    List<String> values = ctx.formParams(name);
    if (values.size() > 1) {
      throw new BadRequest(name, values.size() + " values", "The parameter '" + name + "' must be sent once; "
          + values.size() + " were sent.");
    }
    String s = values.isEmpty() ? null : values.get(0);
    return s == null || s.isBlank() ? null : s;
  }

  /** Refuses a field outside {@code known}, naming it, so a misspelt one is never silently ignored. */
  static void onlyKnown(JsonObject body, Set<String> known) {
    BadRequest.refuseUnknown("parameter", body.keySet(), known, name -> {
      String value = body.get(name).toString();
      return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    });
  }

  static JsonObject jsonObject(Context ctx) {
    // Read as strictly as the practitioners' endpoints: a field given twice ('"title":"a","title":"b"') is a
    // 400 naming it, where Gson's own parsing kept the last.
    JsonElement root =
        StrictJson.parse(StrictJson.text(RequestBodies.of(ctx), java.nio.charset.StandardCharsets.UTF_8));
    if (!root.isJsonObject()) {
      throw new BadRequest("body", null, "The request body must be a JSON object.");
    }
    return root.getAsJsonObject();
  }

  /** A string field of a JSON body; null when absent or null; 400 naming it when not a string. */
  static String string(JsonObject body, String field) {
    JsonElement v = body.get(field);
    if (v == null || v.isJsonNull()) {
      return null;
    }
    if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
      throw new BadRequest(field, v.toString(), "The parameter '" + field + "' must be a string.");
    }
    return v.getAsString();
  }

  static String jsonString(Context ctx, String field) {
    String v = string(jsonObject(ctx), field);
    if (v == null || v.isBlank()) {
      throw new BadRequest(field, v, "The parameter '" + field + "' must not be empty.");
    }
    return v;
  }

  /** Themes as a JSON list of strings or one comma-separated string. */
  private static List<String> themes(JsonObject body) {
    JsonElement v = body.get("themes");
    if (v == null || v.isJsonNull()) {
      return null;
    }
    if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
      return MetadataForm.themes(v.getAsString());
    }
    if (v.isJsonArray()) {
      List<String> out = new ArrayList<>();
      for (JsonElement e : v.getAsJsonArray()) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
          throw new BadRequest("themes", v.toString(), "The parameter 'themes' must be a list of strings.");
        }
        out.add(e.getAsString());
      }
      return out;
    }
    throw new BadRequest("themes", v.toString(), "The parameter 'themes' must be a list of strings.");
  }
}
