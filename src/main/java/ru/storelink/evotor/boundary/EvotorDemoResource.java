package ru.storelink.evotor.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import ru.storelink.demo.boundary.ConsentPage;
import ru.storelink.demo.boundary.DemoAnswers;
import ru.storelink.evotor.control.EvotorDemo;
import ru.storelink.evotor.control.SimulatedEvotor;

/** Evotor: {oauth}/oauth/authorize, {oauth}/oauth/token, {api}/stores with {api} = /demo/evotor/api. */
@Path("")
public class EvotorDemoResource {

    @Inject
    EvotorDemo demo;

    private SimulatedEvotor evotor() {
        return demo.simulator().orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("oauth/authorize")
    @Produces(DemoAnswers.HTML)
    public Response consent(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("state") String state, @QueryParam("scope") String scope) {
        if (!evotor().knowsClient(clientId, redirectUri)) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("state", state == null ? "" : state);
        return Response.ok(ConsentPage.render("Эвотор",
                "Приложение Storelink просит доступ к вашим магазинам (" + (scope == null ? "" : scope) + ").",
                "/demo/evotor/oauth/authorize", hidden)).build();
    }

    @POST
    @Path("oauth/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@FormParam("state") String state, @FormParam("decision") String decision) {
        return Response.seeOther("allow".equals(decision) ? evotor().approve(state) : evotor().deny(state)).build();
    }

    @POST
    @Path("oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        return DemoAnswers.answer(evotor().token(authorization, DemoAnswers.single(form)));
    }

    @GET
    @Path("api/stores")
    public Response stores(@HeaderParam("Authorization") String authorization, @QueryParam("cursor") String cursor) {
        return DemoAnswers.answer(evotor().stores(authorization, cursor));
    }
}
