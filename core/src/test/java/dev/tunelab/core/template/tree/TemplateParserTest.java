package dev.tunelab.core.template.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tunelab.core.messages.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tree keeps what was written, typed, with the paths messages use. */
class TemplateParserTest {

    private static Template parse(String json) throws Exception {
        return TemplateParser.parse(Json.MAPPER.readTree(json), "$.template");
    }

    @Test
    void nodesAndValuesCarryTheirPaths() throws Exception {
        Template t = parse("""
        {"batch_size": {"param": "b"},
         "layers": [{"type": "Repeat", "times": {"param": "n"}, "shared": ["u"], "layers": [
                       {"type": "Conv2D", "filters": {"param": "u"}, "kernel_size": [3, {"param": "k"}]}]},
                    {"type": "Choice", "choice": {"param": "h"}, "options": {"a": [], "b": [{"type": "Flatten"}]}},
                    7]}
        """);
        assertEquals(List.of("batch_size", "layers"), t.site().keys());
        assertEquals(
                new Value.Ref("b", Json.MAPPER.readTree("{\"param\": \"b\"}"), "$.template.batch_size"),
                t.setting("batch_size"));

        Node.Repeat repeat = assertInstanceOf(Node.Repeat.class, t.layers().get(0));
        assertEquals("$.template.layers[0]", repeat.path());
        assertEquals("$.template.layers[0].times", repeat.times().path());
        assertEquals(Set.of("u"), repeat.sharedNames());
        Node.Layer conv = assertInstanceOf(Node.Layer.class, repeat.layers().get(0));
        assertEquals("$.template.layers[0].layers[0]", conv.path());
        Value.Items size = assertInstanceOf(Value.Items.class, conv.fields().get("kernel_size"));
        assertEquals(
                "$.template.layers[0].layers[0].kernel_size[1]",
                assertInstanceOf(Value.Ref.class, size.items().get(1)).path());

        Node.Choice choice = assertInstanceOf(Node.Choice.class, t.layers().get(1));
        assertEquals(List.of(), choice.option("a").layers());
        assertEquals(
                "$.template.layers[1].options.b[0]",
                choice.option("b").layers().get(0).path());

        assertEquals(
                new Node.Malformed("$.template.layers[2].type", "each layer needs a 'type' such as \"Dense\""),
                t.layers().get(2));
    }

    @Test
    void aLayerImportedFromKerasIsPlacedWhereTheUserWroteIt() throws Exception {
        Template t = parse("""
        {"layers": [{"type": "Bidirectional", "$path": "$.template.keras.config.layers[1].config",
                     "layer": {"type": "LSTM", "units": 4, "$path": "$.template.keras.config.layers[1].config.layer"}},
                    {"type": "Dense", "units": 4, "$path": 3}]}
        """);
        Node.Layer bidirectional = (Node.Layer) t.layers().get(0);
        assertEquals("$.template.keras.config.layers[1].config", bidirectional.path());
        assertEquals(
                "$.template.keras.config.layers[1].config.layer",
                bidirectional.inner().path());
        Node.Layer dense = (Node.Layer) t.layers().get(1);
        // A $path that is no string is not trusted: the computed path is used and the checker says why.
        assertEquals(new Site("$.template.layers[1]", List.of("type", "units", "$path"), true), dense.site());
    }

    @Test
    void onlyAnObjectWithOneStringParamIsAReference() throws Exception {
        assertEquals("u", Value.referenceIn(Json.MAPPER.readTree("{\"param\": \"u\"}")));
        assertNull(Value.referenceIn(Json.MAPPER.readTree("{\"param\": 3}")));
        assertNull(Value.referenceIn(Json.MAPPER.readTree("{\"param\": \"u\", \"x\": 1}")));
        assertInstanceOf(Value.Fields.class, Value.of(Json.MAPPER.readTree("{\"param\": 3}"), "$.x"));
        assertNull(TemplateParser.parse(Json.MAPPER.readTree("[]"), "$.template"));
    }
}
