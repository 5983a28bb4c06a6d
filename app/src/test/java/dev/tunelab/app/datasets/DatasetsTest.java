package dev.tunelab.app.datasets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.ServersResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class DatasetsTest {

    @Test
    void uploadedCsvShowsColumnsRowsAndInferredTask() {
        String id = Api.uploadCsv("iris.csv", Api.resource(Api.IRIS_CSV), "species", null)
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/datasets/"))
                .body("task", equalTo("classification"))
                .body("rows", equalTo(150))
                .body("label", equalTo("species"))
                .body("columns.name", hasItem("petal_width"))
                .body("classes", equalTo(java.util.List.of("setosa", "versicolor", "virginica")))
                .extract()
                .path("id");
        given().get("/api/v1/datasets/" + id).then().statusCode(200).body("rows", equalTo(150));
        given().get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("id", hasItem(id))
                .body("id", hasItem("iris"));
    }

    @Test
    void numericLabelIsRegressionUnlessToldOtherwise() {
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 40; i++)
            csv.append(i)
                    .append(',')
                    .append(i % 7)
                    .append(',')
                    .append(i * 0.37 + 1.5)
                    .append('\n');
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Api.uploadCsv("lin.csv", bytes, "y", null).then().statusCode(201).body("task", equalTo("regression"));
        Api.uploadCsv("lin.csv", bytes, "x2", "classification")
                .then()
                .statusCode(201)
                .body("task", equalTo("classification"))
                .body("classes.size()", equalTo(7));
    }

    @Test
    void builtInIrisNeedsNoUpload() {
        given().get("/api/v1/datasets/iris")
                .then()
                .statusCode(200)
                .body("builtin", equalTo(true))
                .body("task", equalTo("classification"))
                .body("rows", equalTo(150));
    }

    @Test
    void badUploadsGetProblemJsonWithThePath() {
        Api.uploadCsv("iris.csv", Api.resource(Api.IRIS_CSV), "colour", null)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].path", equalTo("$.label"))
                .body("detail", containsString("colour"));
        byte[] text = "a,b,label\n1,x,0\n2,3,1\n".getBytes(StandardCharsets.UTF_8);
        Api.uploadCsv("bad.csv", text, "label", null).then().statusCode(422).body("errors[0].path", equalTo("$.file"));
        Api.uploadCsv("iris.csv", Api.resource(Api.IRIS_CSV), "species", "clustering")
                .then()
                .statusCode(422)
                .body("errors[0].path", equalTo("$.task"));
        // PostgreSQL cannot store U+0000 in text: refused with the field's path, never a 500.
        Api.uploadCsv("iris.csv", Api.resource(Api.IRIS_CSV), "spe\u0000cies", null)
                .then()
                .statusCode(422)
                .body("errors[0].path", equalTo("$.label"));
        Api.uploadCsv("ir\u0007is.csv", Api.resource(Api.IRIS_CSV), "species", null)
                .then()
                .statusCode(422)
                .body("errors[0].path", equalTo("$.file"));
        Api.uploadCsv("nul.csv", "x,a\u0000b,y\n1,2,0\n".getBytes(StandardCharsets.UTF_8), "y", null)
                .then()
                .statusCode(422)
                .body("errors[0].path", equalTo("$.file"));
        given().get("/api/v1/datasets/nope").then().statusCode(404).contentType("application/problem+json");
    }
}
