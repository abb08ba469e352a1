package ru.storelink.demo.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import ru.storelink.demo.control.SimulatedAnswer;

/** What every simulated provider's JAX-RS resource needs: its answers as responses, its forms as maps. */
public final class DemoAnswers {

    /** The consent pages' type. */
    public static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private DemoAnswers() {
    }

    public static Response answer(SimulatedAnswer answer) {
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(answer.body()).build();
    }

    /** A form's first value of each field, as a simulator reads it. */
    public static Map<String, String> single(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((name, list) -> values.put(name, list.isEmpty() ? null : list.get(0)));
        return values;
    }
}
