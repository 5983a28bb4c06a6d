package dev.tunelab.api;

import dev.tunelab.api.access.Access;
import dev.tunelab.api.limits.LimitProblems;
import dev.tunelab.api.limits.Limits;
import dev.tunelab.api.limits.UploadGate;
import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.IdxImagesFormat;
import dev.tunelab.core.data.SampleReader;
import dev.tunelab.core.limits.Limit;
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
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {
    @Inject
    DatasetService datasets;

    @Inject
    Access access;

    @Inject
    Limits limits;

    @Inject
    UploadGate gate;

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
        // Multipart files are on disk by now: their sizes are checked before a byte enters the heap.
        if (form.file == null) throw ApiProblem.invalid("$.file", "the data file is required (multipart field 'file')");
        checkSize(form.file, "$.file");
        if (form.labels != null) checkSize(form.labels, "$.labels");
        boolean zip = SampleReader.isZip(head(form.file));
        boolean hasLabels = form.labels != null;
        DatasetMeta training = DatasetUploadForm.present(form.trainingSet) ? training(form.trainingSet.strip()) : null;
        DatasetMeta request = form.request(zip, hasLabels, training == null ? null : training.kind());
        if (training != null) request = testSetOf(form, training, request);
        if (hasLabels && zip)
            throw ApiProblem.invalid("$.file", "with a labels file, 'file' is the images IDX file, not a zip");
        String display = DatasetUploadForm.present(form.name) ? form.name.strip() : form.file.fileName();
        DatasetView view;
        try (UploadGate.Permit permit = gate.enter()) {
            byte[] content = hasLabels
                    ? IdxImagesFormat.pack(form.file.uploadedFile(), form.labels.uploadedFile())
                    : Files.readAllBytes(form.file.uploadedFile());
            view = DatasetView.of(datasets.create(target, null, display, request, content, false));
        }
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

    private void checkSize(FileUpload upload, String path) {
        Limit limit = limits.upload();
        if (limit.exceededBy(upload.size())) {
            throw LimitProblems.tooLarge(
                    path, "the file is " + upload.size() + " bytes, more than " + limit.value(), limit);
        }
    }

    /** The first bytes of an uploaded file, enough to tell a zip. */
    private static byte[] head(FileUpload upload) throws IOException {
        try (InputStream in = Files.newInputStream(upload.uploadedFile())) {
            return in.readNBytes(4);
        }
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
