package ru.storelink.connections.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import ru.storelink.connections.control.ConnectFlow;
import ru.storelink.connections.control.FormToken;
import ru.storelink.connections.control.PendingAuthorizations;
import ru.storelink.connections.entity.ServiceType;

/**
 * {@code /<service>/connect}, {@code /<service>/callback} (the redirect URI registered with the provider)
 * and {@code /<service>/disconnect}, for each service's JAX-RS application ({@code EvotorEndpoints},
 * {@code VkEndpoints}), which names its service in the property {@link #SERVICE}.
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
    Instance<ConnectFlow> flows;

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
        ConnectFlow flow = flow();
        return Response.seeOther(flow.authorizationUri(pending.issue(flow.service()))).build();
    }

    @GET
    @Path("callback")
    public Response callback(@Context UriInfo uri) {
        ConnectFlow flow = flow();
        return callbacks.handle(flow.service(), uri, flow::complete);
    }

    @POST
    @Path("disconnect")
    public Response disconnect(@FormParam(FormToken.FIELD) String token) {
        return disconnections.delete(flow().service(), token);
    }

    private ConnectFlow flow() {
        ServiceType service = ServiceType.byKey((String) configuration.getProperty(SERVICE))
                .orElseThrow(() -> new IllegalStateException("JAX-RS application without " + SERVICE));
        return flows.stream().filter(flow -> flow.service() == service).findFirst()
                .orElseThrow(() -> new IllegalStateException("No connect flow for " + service));
    }
}
