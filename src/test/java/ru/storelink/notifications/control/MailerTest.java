package ru.storelink.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.storelink.notifications.control.Mailer.Route;

class MailerTest {

    @Test
    void aConfiguredServerIsUsedWhereverItRuns() {
        assertThat(Mailer.route("smtp.example.ru", "jdbc:postgresql://db/storelink", false)).isEqualTo(Route.SMTP);
        assertThat(Mailer.route("127.0.0.1", "jdbc:h2:file:./data/storelink", false)).isEqualTo(Route.SMTP);
    }

    @Test
    void withoutAServerTheFirstRunKeepsMailsInTheDemoMailbox() {
        assertThat(Mailer.route("", "jdbc:h2:file:./data/storelink", false)).isEqualTo(Route.DEMO_MAILBOX);
        assertThat(Mailer.route("  ", "jdbc:postgresql://db/storelink", true)).as("a deployment meant as a demo").isEqualTo(Route.DEMO_MAILBOX);
    }

    @Test
    void aDeploymentWithoutAServerSendsNothingRatherThanPretending() {
        assertThat(Mailer.route("", "jdbc:postgresql://db/storelink", false)).isEqualTo(Route.NONE);
    }
}
