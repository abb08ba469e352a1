package ru.storelink.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.simulators.Simulators;
import ru.storelink.testsupport.Dashboard;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;

/** Black-box: deleting a connection, and that nobody can delete anybody else's. */
@ExtendWith({ArquillianExtension.class, Simulators.class})
@RunAsClient
class DeleteConnectionIT {

    final URL base = TestServer.baseUrl();

    @Test
    void deletingRemovesOnlyMyConnectionOfThatType() {
        WebClient alice = connected();
        WebClient bob = connected();

        HttpResponse<String> deleted = bob.post("/connections/delete?type=evotor", Map.of("token", Deleting.formToken(bob)));

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(WebClient.location(deleted)).endsWith("/connections");
        Dashboard bobs = Dashboard.of(bob);
        assertThat(bobs.hasCard("evotor")).isFalse();
        assertThat(bobs.hasCard("vk")).isTrue();
        assertThat(bobs.notices()).contains("«Эвотор» отключён.");
        assertThat(Dashboard.of(alice).hasCard("evotor")).isTrue();
    }

    @Test
    void aliasesDeleteToo() {
        WebClient owner = connected();
        String token = Deleting.formToken(owner);

        assertThat(owner.post("/evotor/disconnect", Map.of("token", token)).statusCode()).isEqualTo(303);
        assertThat(owner.post("/vk/disconnect", Map.of("token", token)).statusCode()).isEqualTo(303);

        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.hasCard("evotor")).isFalse();
        assertThat(dashboard.hasCard("vk")).isFalse();
        assertThat(dashboard.page().getElementById("empty-state")).isNotNull();
    }

    @Test
    void aForgedPostDeletesNothing() {
        WebClient alice = connected();
        WebClient mallory = connected();

        HttpResponse<String> noToken = alice.post("/connections/delete?type=evotor", Map.of());
        HttpResponse<String> othersToken = alice.post("/connections/delete?type=evotor", Map.of("token", Deleting.formToken(mallory)));
        // A cross-site form post arrives without Alice's session cookie (SameSite=Lax).
        HttpResponse<String> crossSite = new WebClient(base).post("/connections/delete?type=evotor",
                Map.of("token", Deleting.formToken(alice)));

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(othersToken.statusCode()).isEqualTo(403);
        assertThat(WebClient.text(noToken)).contains("Доступ запрещён");
        assertThat(crossSite.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(crossSite)).endsWith("/login");
        assertThat(Dashboard.of(alice).hasCard("evotor")).isTrue();
    }

    @Test
    void unknownOrMissingTypeIsABadRequest() {
        WebClient owner = connected();
        String token = Deleting.formToken(owner);

        for (String path : new String[] {"/connections/delete?type=ok", "/connections/delete?type=EVOTOR",
                "/connections/delete", "/connections/delete?type=%3Cscript%3E"}) {
            HttpResponse<String> answer = owner.post(path, Map.of("token", token));
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(WebClient.text(answer)).contains("Запрос не выполнен");
        }
        assertThat(owner.get("/connections/delete?type=evotor").statusCode()).isEqualTo(405);
        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.hasCard("evotor")).isTrue();
        assertThat(dashboard.hasCard("vk")).isTrue();
    }

    @Test
    void deletingTwiceIsHarmless() {
        WebClient owner = connected();
        String token = Deleting.formToken(owner);
        owner.post("/connections/delete?type=vk", Map.of("token", token));

        HttpResponse<String> again = owner.post("/connections/delete?type=vk", Map.of("token", token));

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(Dashboard.of(owner).notices()).contains("«ВКонтакте» уже был отключён.");
    }

    private WebClient connected() {
        WebClient owner = new WebClient(base);
        assertThat(owner.register(TestData.uniqueEmail("delete"), "correct horse battery").statusCode()).isEqualTo(302);
        owner.connect("evotor");
        owner.connect("vk");
        return owner;
    }
}
