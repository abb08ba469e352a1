package ru.storelink.demo.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map;
import java.util.Set;
import ru.storelink.connections.boundary.ServiceResource;
import ru.storelink.demo.control.DemoProviders;
import ru.storelink.demo.control.SimulatedAnswer;
import ru.storelink.demo.control.SimulatedEvotor;
import ru.storelink.demo.control.SimulatedVk;

/**
 * Demo mode: Evotor under /demo/evotor and VK under /demo/vk, with the same HTTP contract as the real
 * services, so that a newcomer without credentials can click through connecting both. Public, like the
 * real providers' endpoints; only the services without configured credentials answer.
 */
@ApplicationPath("demo")
public class DemoEndpoints extends Application {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(ServiceResource.WADL_OFF, true);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(DemoEvotorResource.class, DemoVkResource.class);
    }

    static Response answer(SimulatedAnswer answer) {
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(answer.body()).build();
    }

    static Map<String, String> single(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((name, list) -> values.put(name, list.isEmpty() ? null : list.get(0)));
        return values;
    }

    /** Evotor: {oauth}/oauth/authorize, {oauth}/oauth/token, {api}/stores with {api} = /demo/evotor/api. */
    @Path("evotor")
    public static class DemoEvotorResource {

        @Inject
        DemoProviders providers;

        private SimulatedEvotor evotor() {
            return providers.evotor().orElseThrow(NotFoundException::new);
        }

        @GET
        @Path("oauth/authorize")
        @Produces(HTML)
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
            return answer(evotor().token(authorization, single(form)));
        }

        @GET
        @Path("api/stores")
        public Response stores(@HeaderParam("Authorization") String authorization, @QueryParam("cursor") String cursor) {
            return answer(evotor().stores(authorization, cursor));
        }
    }

    /** VK: {id}/authorize, {id}/oauth2/auth with {id} = /demo/vk/id; {api}/method/users.get with {api} = /demo/vk/api. */
    @Path("vk")
    public static class DemoVkResource {

        @Inject
        DemoProviders providers;

        private SimulatedVk vk() {
            return providers.vk().orElseThrow(NotFoundException::new);
        }

        @GET
        @Path("id/authorize")
        @Produces(HTML)
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
            return answer(vk().token(single(form)));
        }

        @GET
        @Path("api/method/users.get")
        public Response usersGet(@HeaderParam("Authorization") String authorization, @QueryParam("v") String version) {
            return answer(vk().usersGet(authorization, version));
        }
    }
}
