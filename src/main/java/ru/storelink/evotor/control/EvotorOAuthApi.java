package ru.storelink.evotor.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Evotor's OAuth token endpoint ({@code evotor.oauth-url}); built by {@link EvotorClients}. */
@Path("/oauth")
public interface EvotorOAuthApi {

    /** Code exchange and refresh; the client authenticates with HTTP Basic (client id and secret). */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(@HeaderParam("Authorization") String basicAuthorization, Form form);
}
