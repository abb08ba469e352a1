package ru.storelink.accounts.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.storelink.accounts.control.LoginGate;
import ru.storelink.texts.Texts;

/**
 * A login or registration post that would be refused anyway ({@link LoginGate}) gets its 429 here, before the
 * Faces lifecycle: a small Russian page, {@code Retry-After: 60}, and no session. The answer is held back for
 * {@code accounts.login.refusal-delay-ms} (default 1000) without holding a request thread, so a client that
 * posts again as soon as it is answered — a flood — costs the server next to nothing, and the signed-in
 * owners keep the cores. The delay is spread between half and one and a half times that value: clients that
 * started together would otherwise stay in step, and arrive as one wave every second.
 */
@WebFilter(urlPatterns = {"/login", "/login.xhtml", "/register", "/register.xhtml"}, asyncSupported = true)
public class EarlyRefusals extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(EarlyRefusals.class.getName());

    @Inject
    LoginGate gate;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || !gate.refusesNow(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] page = page(request.getContextPath());
        long delay = delayMillis();
        AsyncContext async = request.startAsync();
        async.setTimeout(delay + TimeUnit.SECONDS.toMillis(30));
        try {
            scheduler.schedule(() -> answer(async, page), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            answer(async, page);
        }
    }

    private static void answer(AsyncContext async, byte[] page) {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        } catch (IOException | IllegalStateException gone) {
            // The client gave up waiting; nothing is left to tell it.
            LOG.log(Level.FINE, "A refused login's client left before its answer", gone);
        } finally {
            async.complete();
        }
    }

    private static long delayMillis() {
        long delay = Math.max(0, ConfigProvider.getConfig().getOptionalValue("accounts.login.refusal-delay-ms", Long.class).orElse(1000L));
        return delay / 2 + ThreadLocalRandom.current().nextLong(delay + 1);
    }

    /** The page has no form: the visitor is to wait, then go back to the login page. */
    private static byte[] page(String contextPath) {
        return ("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Texts.render("login.refused-title") + " — Storelink</title></head>"
                + "<body><main><h1>" + Login.TOO_MANY_ATTEMPTS + "</h1>"
                + "<p><a href=\"" + contextPath + "/login\">" + Texts.render("login.back-to-login") + "</a></p></main></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
