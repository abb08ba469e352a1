package ru.storelink.evotor.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** Evotor's cloud API ({@code evotor.api-url}); built by {@link EvotorClients}. */
public interface EvotorApi {

    String V2_JSON = "application/vnd.evotor.v2+json";

    /** One page of the account's stores; {@code cursor} is null for the first page. */
    @GET
    @Path("/stores")
    @Produces(V2_JSON)
    Response stores(@HeaderParam("Authorization") String bearerAuthorization, @QueryParam("cursor") String cursor);
}
