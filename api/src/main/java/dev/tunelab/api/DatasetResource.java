package dev.tunelab.api;

import dev.tunelab.api.access.Access;
import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.IdxImagesFormat;
import dev.tunelab.core.data.SampleReader;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {
    /** Fashion-MNIST's full training images are 26 MB gzipped; a zip of photos can be much larger. */
    static final long MAX_UPLOAD = 200L * 1024 * 1024;

    @Inject
    DatasetService datasets;

    @Inject
    Access access;

    /**
     * Multipart upload; see {@link DatasetUploadForm} for the fields. Kinds: {@code table} (CSV),
     * {@code images} (IDX {@code file} + {@code labels}, or a zip of class folders), {@code tokens}
     * and {@code sequence} (CSV with a text or numbers column), {@code timeseries} (numeric CSV).
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@BeanParam DatasetUploadForm form, @QueryParam("project") String project)
            throws IOException {
        String target = access.target(project);
        form.checkText();
        byte[] file = bytes(form.file, "$.file", "the data file is required (multipart field 'file')");
        byte[] labels = form.labels == null ? null : bytes(form.labels, "$.labels", "");
        boolean zip = SampleReader.isZip(file);
        DatasetMeta training = DatasetUploadForm.present(form.trainingSet) ? training(form.trainingSet.strip()) : null;
        DatasetMeta request = form.request(zip, labels != null, training == null ? null : training.kind());
        if (training != null) request = testSetOf(form, training, request);
        byte[] content = file;
        if (labels != null) {
            if (zip) throw ApiProblem.invalid("$.file", "with a labels file, 'file' is the images IDX file, not a zip");
            content = IdxImagesFormat.pack(file, labels);
        }
        String display = DatasetUploadForm.present(form.name) ? form.name.strip() : form.file.fileName();
        DatasetView view = DatasetView.of(datasets.create(target, null, display, request, content, false));
        return Response.created(URI.create(view.url())).entity(view).build();
    }

    /**
     * A test set is read as its training set is: same kind, vocabulary, lengths, image size, classes.
     */
    private DatasetMeta testSetOf(DatasetUploadForm form, DatasetMeta training, DatasetMeta request) {
        if (request.kind() != training.kind()) {
            throw ApiProblem.invalid(
                    "$.kind",
                    "the training set is " + training.kind().json() + ", not "
                            + request.kind().json());
        }
        if (form.hasOwnOptions()) {
            throw ApiProblem.invalid(
                    "$.trainingSet",
                    "a test set takes task and options from its training set; give only label and column");
        }
        return training.forTestSet(request.label(), request.options().column());
    }

    private DatasetMeta training(String id) {
        try {
            return datasets.meta(id);
        } catch (ApiProblem e) {
            throw ApiProblem.invalid("$.trainingSet", "no dataset with id '" + id + "'");
        }
    }

    private static byte[] bytes(FileUpload upload, String path, String missing) throws IOException {
        if (upload == null) throw ApiProblem.invalid(path, missing);
        if (upload.size() > MAX_UPLOAD)
            throw ApiProblem.invalid(path, "the file is larger than " + MAX_UPLOAD + " bytes");
        return Files.readAllBytes(upload.uploadedFile());
    }

    @GET
    public List<DatasetView> list(@QueryParam("project") String project) {
        return datasets.list(project).stream().map(DatasetView::of).toList();
    }

    @GET
    @Path("{id}")
    public DatasetView get(@PathParam("id") String id) {
        return DatasetView.of(datasets.get(id));
    }

    /** How workers read the bytes: the complete {@link DatasetMeta}, vocabulary included. */
    @GET
    @Path("{id}/meta")
    public DatasetMeta meta(@PathParam("id") String id) {
        return datasets.meta(id);
    }

    /**
     * The bytes as stored (a CSV, or a zip for images); workers fetch them here, so they need no
     * database credentials.
     */
    @GET
    @Path("{id}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response content(@PathParam("id") String id) {
        String ext = DatasetKind.IMAGES.json().equals(datasets.get(id).kind) ? ".zip" : ".csv";
        return Response.ok(datasets.content(id))
                .header("Content-Disposition", "attachment; filename=\"" + id + ext + "\"")
                .build();
    }
}
