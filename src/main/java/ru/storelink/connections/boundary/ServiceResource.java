package ru.storelink.connections.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import ru.storelink.connections.control.ConnectableService;
import ru.storelink.connections.control.FormToken;
import ru.storelink.connections.control.PendingAuthorizations;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ServiceType;

/**
 * {@code /<service>/connect}, {@code /<service>/callback} (the redirect URI registered with the provider)
 * and {@code /<service>/disconnect}, for each service's own JAX-RS application, which puts its
 * {@link ServiceType} in the property {@link #SERVICE}.
 */
@Path("")
@RequestScoped
public class ServiceResource {

    public static final String SERVICE = "storelink.service";

    /** Jersey's switch for its generated WADL descriptions: nobody needs a map of our endpoints. */
    public static final String WADL_OFF = "jersey.config.server.wadl.disableWadl";

    @Context
    Configuration configuration;

    @Inject
    Services services;

    @Inject
    PendingAuthorizations pending;

    @Inject
    Callbacks callbacks;

    @Inject
    Disconnections disconnections;

    /** «Подключить»: starts an authorization bound to this session and sends the browser to the provider. */
    @GET
    @Path("connect")
    public Response connect() {
        return Response.seeOther(service().connectFlow().authorizationUri(pending.issue(service().type()))).build();
    }

    @GET
    @Path("callback")
    public Response callback(@Context UriInfo uri) {
        ConnectableService service = service();
        return callbacks.handle(service.type(), uri, service.connectFlow()::complete);
    }

    @POST
    @Path("disconnect")
    public Response disconnect(@FormParam(FormToken.FIELD) String token) {
        return disconnections.delete(service(), token);
    }

    private ConnectableService service() {
        if (!(configuration.getProperty(SERVICE) instanceof ServiceType type)) {
            throw new IllegalStateException("JAX-RS application without " + SERVICE);
        }
        // A service an admin switched off has no endpoints.
        return services.byKey(type.key()).orElseThrow(NotFoundException::new);
    }
}
