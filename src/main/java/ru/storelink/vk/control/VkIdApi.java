package ru.storelink.vk.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** VK ID's token endpoint ({@code vk.id-url}); built by {@link VkClients}. */
public interface VkIdApi {

    /** Code exchange (with the PKCE verifier) and refresh; form-encoded, never JSON. */
    @POST
    @Path("/oauth2/auth")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(Form form);
}
