package dev.tunelab.api.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The link printed at first start, the way Jupyter prints one: it signs in and opens the studies. */
@Path("/signin")
public class SignInLink {
    @Inject
    Authenticator authenticator;

    @GET
    public Response signInLink(@QueryParam("token") String token) {
        Caller c = token == null ? null : authenticator.resolve(token.strip());
        if (c == null || c.worker())
            return Response.seeOther(URI.create("/#/signin?error=1")).build();
        return Response.seeOther(URI.create("/"))
                .cookie(SessionResource.cookie(token.strip(), true))
                .build();
    }
}
