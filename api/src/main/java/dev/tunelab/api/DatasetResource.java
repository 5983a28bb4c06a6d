package dev.tunelab.api;

import dev.tunelab.core.study.Task;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {
  static final long MAX_UPLOAD = 200L * 1024 * 1024;

  @Inject DatasetService datasets;

  /** Multipart upload: {@code file} (CSV with a header row), {@code label}, optional {@code task}, {@code name}. */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(
      @RestForm("file") FileUpload file,
      @RestForm("label") String label,
      @RestForm("task") String task,
      @RestForm("name") String name) throws IOException {
    if (file == null) throw ApiProblem.invalid("$.file", "a CSV file is required (multipart field 'file')");
    if (label == null || label.isBlank()) throw ApiProblem.invalid("$.label", "name the label column (multipart field 'label')");
    if (file.size() > MAX_UPLOAD) throw ApiProblem.invalid("$.file", "the file is larger than " + MAX_UPLOAD + " bytes");
    Task chosen = null;
    if (task != null && !task.isBlank()) {
      if (!Set.of("classification", "regression").contains(task.trim())) {
        throw ApiProblem.invalid("$.task", "must be 'classification' or 'regression', got '" + task + "'");
      }
      chosen = Task.parse(task);
    }
    byte[] csv = Files.readAllBytes(file.uploadedFile());
    String display = name != null && !name.isBlank() ? name.strip() : file.fileName();
    DatasetView view = DatasetView.of(datasets.create(null, display, csv, label.strip(), chosen, false));
    return Response.created(URI.create(view.url())).entity(view).build();
  }

  @GET
  public List<DatasetView> list() {
    return datasets.list().stream().map(DatasetView::of).toList();
  }

  @GET
  @Path("{id}")
  public DatasetView get(@PathParam("id") String id) {
    return DatasetView.of(datasets.get(id));
  }

  /** The CSV as uploaded; workers fetch it here, so they need no database credentials. */
  @GET
  @Path("{id}/content")
  @Produces("text/csv")
  public Response content(@PathParam("id") String id) {
    return Response.ok(datasets.content(id))
        .header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"")
        .build();
  }
}
