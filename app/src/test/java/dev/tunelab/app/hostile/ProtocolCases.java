package dev.tunelab.app.hostile;

import static dev.tunelab.app.hostile.HostileCase.accepted;
import static dev.tunelab.app.hostile.HostileCase.refused;

import dev.tunelab.app.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Methods an endpoint does not take, content types it does not read, answers it cannot give. */
final class ProtocolCases {
    private ProtocolCases() {}

    static List<HostileCase> all(Fixture f) {
        List<HostileCase> out = new ArrayList<>();
        String s = f.study();
        List<String[]> notAllowed = List.of(
                new String[] {"DELETE", "/api/v1/studies"},
                new String[] {"PUT", "/api/v1/studies"},
                new String[] {"PATCH", s},
                new String[] {"DELETE", s},
                new String[] {"PUT", s},
                new String[] {"GET", s + "/cancel"},
                new String[] {"DELETE", s + "/trials"},
                new String[] {"POST", s + "/trials/0"},
                new String[] {"PUT", s + "/trials/0/metrics"},
                new String[] {"POST", s + "/analysis"},
                new String[] {"DELETE", s + "/best-model"},
                new String[] {"DELETE", "/api/v1/datasets/iris"},
                new String[] {"PUT", "/api/v1/datasets"},
                new String[] {"POST", "/api/v1/datasets/iris/content"},
                new String[] {"POST", "/api/v1/workers"},
                new String[] {"GET", "/api/v1/internal/workers/x"},
                new String[] {"POST", f.internal() + "/artifact"},
                new String[] {"DELETE", f.internal() + "/checkpoint"},
                new String[] {"POST", "/api/v1/events"},
                new String[] {"TRACE", "/api/v1/studies"},
                new String[] {"FOO", "/api/v1/studies"});
        for (String[] m : notAllowed) {
            out.add(refused(
                    "methods", m[0] + " " + m[1].replace(f.finished(), "{id}"), () -> Send.request(m[0], m[1])));
        }
        out.add(accepted("methods", "OPTIONS studies", () -> Send.request("OPTIONS", "/api/v1/studies")));
        out.add(accepted("methods", "HEAD studies", () -> Send.request("HEAD", "/api/v1/studies")));
        out.add(refused("methods", "GET an unknown path", () -> Send.get("/api/v1/nothing-here")));
        out.add(refused("methods", "GET /api/v2/studies", () -> Send.get("/api/v2/studies")));
        contentTypes(out);
        return out;
    }

    private static void contentTypes(List<HostileCase> out) {
        byte[] study = Api.VALID_STUDY.getBytes(StandardCharsets.UTF_8);
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=x",
                "application/octet-stream",
                "application/json-patch+json",
                "image/png",
                "application/json; charset=nope",
                "garbage")) {
            out.add(refused(
                    "content types", "study as " + type, () -> Send.body("POST", StudyBodyCases.STUDIES, type, study)));
        }
        out.add(refused(
                "content types",
                "study as application/x-www-form-urlencoded",
                () -> HostileHttp.send("POST", StudyBodyCases.STUDIES, "application/x-www-form-urlencoded", study)));
        out.add(refused(
                "content types",
                "study without a content type",
                () -> Send.body("POST", StudyBodyCases.STUDIES, null, study)));
        byte[] utf16 = Api.VALID_STUDY.getBytes(StandardCharsets.UTF_16);
        // RFC 8259: JSON between systems is UTF-8; another charset is refused, never guessed at.
        out.add(refused(
                "content types",
                "study in UTF-16 as declared",
                () -> Send.body("POST", StudyBodyCases.STUDIES, "application/json; charset=UTF-16", utf16)));
        out.add(refused(
                "content types",
                "dataset as JSON",
                () -> Send.body("POST", UploadCases.DATASETS, "application/json", "{\"label\": \"y\"}".getBytes())));
        out.add(refused(
                "content types",
                "multipart without a boundary",
                () -> Send.body("POST", UploadCases.DATASETS, "multipart/form-data", "--x\r\n\r\n".getBytes())));
        out.add(refused(
                "content types",
                "multipart with a broken boundary",
                () -> Send.body(
                        "POST",
                        UploadCases.DATASETS,
                        "multipart/form-data; boundary=abc",
                        "--xyz\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\ny\r\n--xyz--\r\n".getBytes())));
        out.add(refused(
                "content types",
                "studies as XML (Accept)",
                () -> Answer.of(io.restassured.RestAssured.given()
                        .accept("application/xml")
                        .get("/api/v1/studies"))));
    }
}
