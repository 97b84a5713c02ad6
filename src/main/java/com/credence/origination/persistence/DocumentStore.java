package com.credence.origination.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documents uploaded for an application, kept in the database ({@code origination.documents}). */
@Repository
public class DocumentStore {

  private static final String INSERT =
      """
      insert into origination.documents (id, application_id, kind, file_name, content_type,
        size_bytes, sha256, content, uploaded_by, uploaded_at)
      values (:id, :applicationId, :kind, :fileName, :contentType, :size, :sha256, :content,
        :uploadedBy, :at)
      """;

  private static final String LIST =
      """
      select id, kind, file_name, content_type, size_bytes, uploaded_at from origination.documents
       where application_id = :applicationId order by uploaded_at, id
      """;

  private static final String COUNT =
      "select count(*) from origination.documents where application_id = :applicationId";

  private static final String CONTENT =
      """
      select file_name, content_type, content from origination.documents
       where id = :id and application_id = :applicationId
      """;

  private final JdbcClient jdbc;

  DocumentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored document's facts. */
  public record DocumentRow(
      UUID id, String kind, String fileName, String contentType, int sizeBytes, Instant at) {}

  /** A stored document's bytes. */
  public record Content(String fileName, String contentType, byte[] bytes) {

    public Content {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  public void insert(
      UUID id,
      UUID applicationId,
      String kind,
      String fileName,
      String contentType,
      byte[] content,
      String sha256,
      UUID uploadedBy,
      Instant at) {
    jdbc.sql(INSERT)
        .param("id", id)
        .param("applicationId", applicationId)
        .param("kind", kind)
        .param("fileName", fileName)
        .param("contentType", contentType)
        .param("size", content.length)
        .param("sha256", sha256)
        .param("content", content)
        .param("uploadedBy", uploadedBy)
        .param("at", ApplicationStore.ts(at))
        .update();
  }

  public List<DocumentRow> list(UUID applicationId) {
    return jdbc.sql(LIST)
        .param("applicationId", applicationId)
        .query(
            (rs, n) ->
                new DocumentRow(
                    rs.getObject("id", UUID.class),
                    rs.getString("kind"),
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getInt("size_bytes"),
                    ApplicationStore.instant(rs, "uploaded_at")))
        .list();
  }

  public long count(UUID applicationId) {
    return jdbc.sql(COUNT).param("applicationId", applicationId).query(Long.class).single();
  }

  public Optional<Content> content(UUID applicationId, UUID id) {
    return jdbc.sql(CONTENT)
        .param("id", id)
        .param("applicationId", applicationId)
        .query(
            (rs, n) ->
                new Content(
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getBytes("content")))
        .optional();
  }
}
