package ru.storelink.connections.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import ru.storelink.connections.control.FormToken;
import ru.storelink.connections.control.Services;

/**
 * {@code /connections/*} requests that are not pages. Each feature has its own small JAX-RS application
 * on its own path prefix, so that the Faces pages keep their extensionless URLs (/connections,
 * /connections/add are exact servlet mappings and win over this prefix).
 */
@ApplicationPath("connections")
public class ConnectionsEndpoints extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(ServiceResource.WADL_OFF, true);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(DeleteResource.class);
    }

    /** {@code POST /connections/delete?type=<service key>}. */
    @Path("delete")
    public static class DeleteResource {

        @Inject
        Disconnections disconnections;

        @Inject
        Services services;

        @POST
        public Response delete(@QueryParam("type") String type, @FormParam(FormToken.FIELD) String token) {
            return services.byKey(type)
                    .map(service -> disconnections.delete(service, token))
                    .orElseGet(() -> Response.status(Response.Status.BAD_REQUEST).build());
        }
    }
}
