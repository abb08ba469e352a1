package ru.storelink.vk.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import ru.storelink.connections.boundary.Callbacks;
import ru.storelink.connections.boundary.Disconnections;
import ru.storelink.connections.control.FormToken;
import ru.storelink.connections.control.PendingAuthorizations;
import ru.storelink.vk.control.VkIdOAuth;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.vk.control.VkConnect;

/** {@code /vk/connect}, {@code /vk/callback} (the redirect URI registered with VK ID) and {@code /vk/disconnect}. */
@ApplicationPath("vk")
public class VkEndpoints extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(VkConnectionResource.class);
    }

    @Path("")
    public static class VkConnectionResource {

        @Inject
        Callbacks callbacks;

        @Inject
        VkConnect connect;

        @Inject
        Disconnections disconnections;

        @Inject
        PendingAuthorizations pending;

        @Inject
        VkIdOAuth oauth;

        /** «Подключить»: starts an authorization bound to this session and sends the browser to the provider. */
        @GET
        @Path("connect")
        public Response connect() {
            return Response.seeOther(oauth.authorizationUri(pending.issue(ServiceType.VK))).build();
        }

        @GET
        @Path("callback")
        public Response callback(@Context UriInfo uri) {
            return callbacks.handle(ServiceType.VK, uri, connect::complete);
        }

        @POST
        @Path("disconnect")
        public Response disconnect(@FormParam(FormToken.FIELD) String token) {
            return disconnections.delete(ServiceType.VK, token);
        }
    }
}
