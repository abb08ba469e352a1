package ru.storelink.evotor.boundary;

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
import ru.storelink.evotor.control.EvotorOAuth;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.evotor.control.EvotorConnect;

/** {@code /evotor/connect}, {@code /evotor/callback} (the redirect URI registered with Evotor) and {@code /evotor/disconnect}. */
@ApplicationPath("evotor")
public class EvotorEndpoints extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(EvotorConnectionResource.class);
    }

    @Path("")
    public static class EvotorConnectionResource {

        @Inject
        Callbacks callbacks;

        @Inject
        EvotorConnect connect;

        @Inject
        Disconnections disconnections;

        @Inject
        PendingAuthorizations pending;

        @Inject
        EvotorOAuth oauth;

        /** «Подключить»: starts an authorization bound to this session and sends the browser to the provider. */
        @GET
        @Path("connect")
        public Response connect() {
            return Response.seeOther(oauth.authorizationUri(pending.issue(ServiceType.EVOTOR))).build();
        }

        @GET
        @Path("callback")
        public Response callback(@Context UriInfo uri) {
            return callbacks.handle(ServiceType.EVOTOR, uri, connect::complete);
        }

        @POST
        @Path("disconnect")
        public Response disconnect(@FormParam(FormToken.FIELD) String token) {
            return disconnections.delete(ServiceType.EVOTOR, token);
        }
    }
}
