package dev.tunelab.app.studies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.ServersResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A study that cannot run is refused at the door with the offending JSON path, and nothing is
 * stored.
 */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class StudyValidationTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      unknown layer              | "type": "Dense", "units" | "type": "Densy", "units"                 | $.template.layers[0].type
      empty choice               | {"type": "int", "min": 4, "max": 8} | {"type": "choice", "values": []} | $.space.units.values
      min above max              | "min": 4, "max": 8       | "min": 9, "max": 8                        | $.space.units.min
      unknown parameter          | {"param": "units"}       | {"param": "width"}                        | $.template.layers[0].units
      missing dataset            | "dataset": "iris"        | "dataset": "no-such-data"                 | $.dataset
      float where int is needed  | {"type": "int", "min": 4, "max": 8} | {"type": "float", "min": 4, "max": 8} | $.template.layers[0].units
      unknown activation         | "activation": "relu"     | "activation": "rectified"                 | $.template.layers[0].activation
      metric of another task     | "dataset": "iris"        | "dataset": "iris", "objective": {"metric": "val_rmse"} | $.objective.metric
      zero epochs                | "epochs": 1              | "epochs": 0                               | $.budget.epochs
      grid over a float          | "name": "random"         | "name": "grid"                            | $.space
      unknown algorithm          | "name": "random"         | "name": "annealing"                       | $.algorithm.name
      loss of another task       | "activation": "relu"}]   | "activation": "relu"}], "output": {"loss": "mse"} | $.template.output.loss
      NUL in the dataset id      | "dataset": "iris"        | "dataset": "iris\\u0000"                  | $.dataset
      unpaired surrogate in name | "dataset": "iris"        | "dataset": "iris", "name": "a\\ud800"     | $.name
      control character in a key | "units": {"type"         | "un\\u0007its": {"type"                   | $.space
      """)
    void refusedWithPath(String why, String from, String to, String path) {
        String study = Api.VALID_STUDY.replace(from.strip(), to.strip());
        if (why.equals("grid over a float"))
            study = study.replace(
                    "{\"type\": \"int\", \"min\": 4, \"max\": 8}", "{\"type\": \"float\", \"min\": 4, \"max\": 8}");
        assertEquals(false, study.equals(Api.VALID_STUDY), "the case must change the study");
        int before = given().get("/api/v1/studies")
                .then()
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        Api.submit(study)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.path", hasItem(path));
        int after = given().get("/api/v1/studies")
                .then()
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        assertEquals(before, after, "a refused study must not be stored");
    }

    /**
     * Architecture templates refused through the API; the core's BadTemplateTest holds the full
     * catalogue.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      convolution on a table  | {"layers": [{"type": "Conv2D", "filters": 8, "kernel_size": 3}, {"type": "Flatten"}]}                   | $.template.layers[0]
      LSTM on a table         | {"layers": [{"type": "LSTM", "units": 8}]}                                                             | $.template.layers[0]
      Repeat inside a Repeat  | {"layers": [{"type": "Repeat", "times": 2, "layers": [{"type": "Repeat", "times": 2, "layers": [{"type": "Dense", "units": 4}]}]}]} | $.template.layers[0].layers[0].type
      Choice on an integer    | {"layers": [{"type": "Choice", "choice": {"param": "units"}, "options": {"a": [{"type": "Dense", "units": 4}]}}]} | $.template.layers[0].choice
      Keras functional model  | {"keras": {"class_name": "Functional", "config": {"layers": []}}}                                        | $.template.keras.class_name
      """)
    void architectureRefusedWithPath(String why, String template, String path) {
        String study = Api.VALID_STUDY.substring(0, Api.VALID_STUDY.indexOf("\"template\""))
                + "\"template\": "
                + template.strip()
                + "}";
        int before = given().get("/api/v1/studies")
                .then()
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        Api.submit(study)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.path", hasItem(path));
        assertEquals(
                before,
                given().get("/api/v1/studies")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .size());
    }

    @Test
    void malformedJsonIsA400WithTheLocation() {
        Api.submit("{\"dataset\": \"iris\",, }")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("line 1"));
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() {
        String study = Api.VALID_STUDY
                .replace("\"Dense\", \"units\"", "\"Conv9D\", \"units\"")
                .replace("\"min\": 4", "\"min\": 40");
        Api.submit(study)
                .then()
                .statusCode(422)
                .body("errors.path", hasItem("$.template.layers[0].type"))
                .body("errors.path", hasItem("$.space.units.min"));
    }

    @Test
    void unknownStudyIs404ProblemJson() {
        given().get("/api/v1/studies/7b0e9d4e-0000-4000-8000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/studies/not-a-uuid/trials").then().statusCode(404);
    }
}
