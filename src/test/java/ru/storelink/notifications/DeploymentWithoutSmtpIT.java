package ru.storelink.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;

/**
 * On PostgreSQL only (the "postgresql" failsafe run): a deployment, not a demo. Without an SMTP server the
 * settings page says plainly that no e-mail goes out, instead of pretending or keeping them in demo mode's
 * mailbox.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentWithoutSmtpIT {

    @AfterEach
    void backToTheDefault() {
        TestConfig.clear();
    }

    @Test
    void theSettingsPageSaysThatNoMailGoesOut() {
        TestConfig.set("mail.smtp.host", "");
        TestConfig.set("app.demo", "false");
        WebClient owner = new WebClient(TestServer.baseUrl());
        owner.register(TestData.uniqueEmail("no-smtp"), "correct horse battery");

        String page = owner.get("/notifications").body();
        assertThat(page).contains("Письма сейчас не отправляются", "почтовый сервер (SMTP)")
                .doesNotContain("демо-почту");

        TestConfig.set("app.demo", "true");
        assertThat(owner.get("/notifications").body()).as("a deployment meant as a demo").contains("демо-почту");
    }
}
