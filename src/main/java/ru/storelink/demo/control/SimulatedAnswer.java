package ru.storelink.demo.control;

import jakarta.json.JsonObject;

/** What a simulated provider answers: status and JSON body, for whichever HTTP layer serves it. */
public record SimulatedAnswer(int status, String body) {

    public static SimulatedAnswer json(int status, JsonObject body) {
        return new SimulatedAnswer(status, body.toString());
    }
}
