package ru.storelink.vk.boundary;

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
import ru.storelink.vk.control.SimulatedVk;
import ru.storelink.vk.control.VkDemo;

/** VK: {id}/authorize, {id}/oauth2/auth with {id} = /demo/vk/id; {api}/method/users.get with {api} = /demo/vk/api. */
@Path("")
public class VkDemoResource {

    @Inject
    VkDemo demo;

    private SimulatedVk vk() {
        return demo.simulator().orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("id/authorize")
    @Produces(DemoAnswers.HTML)
    public Response consent(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("state") String state, @QueryParam("code_challenge") String challenge,
            @QueryParam("code_challenge_method") String method) {
        if (!vk().knowsClient(clientId, redirectUri) || challenge == null || !"s256".equalsIgnoreCase(method)) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("state", state == null ? "" : state);
        hidden.put("code_challenge", challenge);
        return Response.ok(ConsentPage.render("VK ID",
                "Приложение Storelink просит доступ к вашему профилю, товарам и сообществам.",
                "/demo/vk/id/authorize", hidden)).build();
    }

    @POST
    @Path("id/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@FormParam("state") String state, @FormParam("code_challenge") String challenge,
            @FormParam("decision") String decision) {
        return Response.seeOther("allow".equals(decision) ? vk().approve(state, challenge) : vk().deny(state)).build();
    }

    @POST
    @Path("id/oauth2/auth")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(MultivaluedMap<String, String> form) {
        return DemoAnswers.answer(vk().token(DemoAnswers.single(form)));
    }

    @GET
    @Path("api/method/users.get")
    public Response usersGet(@HeaderParam("Authorization") String authorization, @QueryParam("v") String version) {
        return DemoAnswers.answer(vk().usersGet(authorization, version));
    }
}
