package dev.tunelab.app.support;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * The tests run with authentication on, as users do: the test server's admin and worker tokens
 * are fixed by configuration ({@code %test.tunelab.auth.admin-token}), and every RestAssured call
 * signs in as the admin unless it sends its own {@code Authorization} (or {@link #ANONYMOUS}).
 */
public final class TestTokens {
    public static final String ADMIN = "tl_test-admin-token-000000000000000000000000000";
    public static final String WORKER = "tl_test-worker-token-00000000000000000000000000";

    /** An {@code Authorization} value the filter removes: the request goes without a credential. */
    public static final String ANONYMOUS = "anonymous";

    private static boolean installed;

    private TestTokens() {}

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Every {@code given()} from now on carries the admin token unless it names another. */
    public static synchronized void signInRestAssured() {
        if (installed) return;
        installed = true;
        Filter signIn = (req, res, ctx) -> {
            String given = req.getHeaders().getValue("Authorization");
            if (given == null) req.header("Authorization", bearer(ADMIN));
            else if (given.equals(ANONYMOUS)) req.removeHeader("Authorization");
            return ctx.next(req, res);
        };
        RestAssured.filters(signIn);
    }
}
