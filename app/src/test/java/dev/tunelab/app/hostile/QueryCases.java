package dev.tunelab.app.hostile;

import static dev.tunelab.app.hostile.HostileCase.accepted;
import static dev.tunelab.app.hostile.HostileCase.refused;

import java.util.ArrayList;
import java.util.List;

/** Bad query parameters and headers: pages, sizes, sort keys, limits, event stream positions. */
final class QueryCases {
    private static final List<String> BAD_TRIAL_QUERIES = List.of(
            "page=-1",
            "page=abc",
            "page=2147483648",
            "page=1e3",
            "size=0",
            "size=-1",
            "size=501",
            "size=1e9",
            "size=1000000000",
            "size=abc",
            "sort=garbage",
            "sort=param:nope",
            "sort=param:",
            "sort=%00",
            "sort=" + "s".repeat(10_000),
            "order=sideways",
            "order=%00",
            "status=NOPE",
            "status=%00",
            "status=completed,nope",
            "page=%00");

    /** Odd but valid: the answer is a page, maybe empty. */
    private static final List<String> VALID_TRIAL_QUERIES = List.of(
            "page=2147483647",
            "page=2147483647&size=500",
            "status=,,,",
            "status=completed",
            "sort=param:units&order=DESC",
            "page=0&page=1",
            "unknown=1");

    private QueryCases() {}

    static List<HostileCase> all(Fixture f) {
        List<HostileCase> out = new ArrayList<>();
        for (String q : BAD_TRIAL_QUERIES) {
            String path = f.study() + "/trials?" + q;
            out.add(HostileCase.refusedAt("bad queries", "trials?" + PathCases.shorten(q), path, () -> Send.get(path)));
        }
        for (String q : VALID_TRIAL_QUERIES) {
            out.add(accepted("bad queries", "trials?" + q, () -> Send.get(f.study() + "/trials?" + q)));
        }
        for (String q : List.of("limit=0", "limit=-1", "limit=2001", "limit=abc", "limit=1e3", "limit=99999999999")) {
            out.add(refused("bad queries", "curves?" + q, () -> Send.get(f.study() + "/curves?" + q)));
        }
        out.add(accepted("bad queries", "curves?limit=2000", () -> Send.get(f.study() + "/curves?limit=2000")));
        out.add(accepted("bad queries", "studies?page=-1 (no paging)", () -> Send.get("/api/v1/studies?page=-1")));
        for (String s : List.of("abc", "%00", "00000000-0000-0000-0000-00000000000g", "x".repeat(5_000))) {
            String path = "/api/v1/events?study=" + s;
            out.add(HostileCase.refusedAt(
                    "bad queries", "events?study=" + PathCases.shorten(s), path, () -> Send.stream(path, null)));
        }
        out.add(accepted(
                "bad queries", "events?study= (all studies)", () -> Send.stream("/api/v1/events?study=", null)));
        // An unknown position starts a fresh stream; it is the browser's echo of our own ids.
        for (String last : List.of("-1", "abc", "99999999999999999999", "9223372036854775807", "")) {
            out.add(accepted(
                    "bad queries", "events Last-Event-ID: " + last, () -> Send.stream("/api/v1/events", last)));
        }
        internalQueries(f, out);
        return out;
    }

    private static void internalQueries(Fixture f, List<HostileCase> out) {
        byte[] zip = Zips.of("x.txt", new byte[] {1});
        for (String q : List.of("attempt=abc", "attempt=2147483648", "attempt=", "attempt=-1")) {
            out.add(refused(
                    "bad queries",
                    "PUT artifact?" + q,
                    () -> Send.body("PUT", f.internal() + "/artifact?" + q, "application/zip", zip)));
        }
        int a = f.attempt();
        for (String q : List.of("epoch=-1", "epoch=0", "epoch=abc", "epoch=2147483648", "epoch=1e3")) {
            String path = f.internal() + "/checkpoint?attempt=" + a + "&" + q;
            out.add(refused(
                    "bad queries", "PUT checkpoint?" + q, () -> Send.body("PUT", path, "application/zip", zip)));
        }
    }
}
