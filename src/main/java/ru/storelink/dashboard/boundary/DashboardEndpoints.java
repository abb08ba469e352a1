package ru.storelink.dashboard.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Logger;
import ru.storelink.connections.boundary.ServiceResource;
import ru.storelink.dashboard.control.RefreshPasses;

/**
 * {@code GET /connections/status}: an owner's cards as the dashboard's automatic refresh needs them. A plain
 * GET instead of a Faces postback, and without the session: the page sends the {@link RefreshPasses pass} it
 * was rendered with as {@code Authorization: Bearer <pass>} and no cookie, so no view state is restored or
 * saved and no session is read, written or replicated — an open dashboard costs two indexed queries per
 * refresh. The answer carries a strong ETag over its content; a refresh that sends it back in
 * {@code If-None-Match} while nothing changed gets 304 and no body. Without a valid pass: 401, and the page
 * reloads (to the login page once the session has ended).
 */
@ApplicationPath(DashboardEndpoints.PATH)
public class DashboardEndpoints extends Application {

    /** Public in web.xml: the pass, not the session, says whose cards these are. */
    public static final String PATH = "connections/status";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(ServiceResource.WADL_OFF, true);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(StatusResource.class);
    }

    /** One instance for all requests: it keeps nothing of a request, and building one each time cost 4 %. */
    @Path("")
    @ApplicationScoped
    public static class StatusResource {

        // Every field always present (a card without a note says "note": null), so the page's script need not guess.
        private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

        private static final Logger LOG = Logger.getLogger(StatusResource.class.getName());
        private static final String BEARER = "Bearer ";

        @Inject
        Cards allCards;

        @Inject
        RefreshPasses passes;

        @GET
        public Response status(@Context Request request, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
            String pass = authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()) : null;
            OptionalLong account = passes.accountOf(pass, Instant.now());
            if (account.isEmpty()) {
                LOG.info(() -> "Dashboard refresh refused: " + (pass == null ? "no pass" : "a pass that is altered, foreign or expired"));
                return Response.status(Response.Status.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .type(MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name()))
                        .entity("{\"error\":\"Обновите страницу: сеанс закончился.\"}")
                        .build();
            }
            List<ConnectionCard> shown = allCards.of(account.getAsLong());
            List<CardStatus> cards = shown.stream().map(CardStatus::of).toList();
            // "attention": the navbar's badge and the title's «(1)», which follow the cards.
            byte[] body = JSON.toJson(Map.of("cards", cards, "attention", Attention.count(shown))).getBytes(StandardCharsets.UTF_8);
            EntityTag tag = new EntityTag(fingerprint(body));
            // The owner's own data: never kept by a shared cache; the page revalidates every time.
            CacheControl revalidate = new CacheControl();
            revalidate.setPrivate(true);
            revalidate.setNoCache(true);
            Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
            if (unchanged != null) {
                return unchanged.cacheControl(revalidate).build();
            }
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name()))
                    .tag(tag)
                    .cacheControl(revalidate)
                    .build();
        }

        private static String fingerprint(byte[] body) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}
