package ru.storelink.vk.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The VK API ({@code vk.api-url}); built by {@link VkClients}. Errors arrive inside HTTP 200. */
public interface VkApi {

    String VERSION = "5.199";

    /** Without user_ids: the token's own user. */
    @GET
    @Path("/method/users.get")
    @Produces(MediaType.APPLICATION_JSON)
    Response usersGet(@HeaderParam("Authorization") String bearerAuthorization, @QueryParam("v") String version);
}
