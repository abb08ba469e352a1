package ru.storelink.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.simulators.Simulators;
import ru.storelink.testsupport.Inbox;
import ru.storelink.testsupport.PayaraInstance;
import ru.storelink.testsupport.SeededConnections;
import ru.storelink.testsupport.SlowLink;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.Waiting;

/**
 * On PostgreSQL only (the "postgresql" failsafe run), issue 12's "exactly once across instances": the
 * server under test and a second Payara Micro share one database and one slow SMTP server. Sixty owners'
 * connections break at once; the second instance is killed ({@code kill -9}) while its sender delivers. No
 * owner's e-mail is lost, and none is repeated more than once (the killed sender's delivered-but-unmarked
 * e-mail, recognisable by its Message-ID).
 */
@ExtendWith({ArquillianExtension.class, Simulators.class})
@RunAsClient
class SendersOnTwoInstancesIT {

    private static final int OWNERS = 60;
    private static final long ID_BASE = 71_000_000L;
    private static final Duration SMTP_DELAY = Duration.ofMillis(400);
    private static final int LEASE_SECONDS = 15;

    private final Inbox inbox = new Inbox();
    private PayaraInstance second;
    private SlowLink slowSmtp;

    @AfterEach
    void stopEverything() throws Exception {
        TestConfig.clear();
        if (second != null) {
            second.kill();
        }
        if (slowSmtp != null) {
            slowSmtp.close();
        }
        inbox.stop();
        try (Connection db = database(); PreparedStatement delete = db.prepareStatement("DELETE FROM account WHERE id >= " + ID_BASE
                + " AND id < " + (ID_BASE + OWNERS))) {
            delete.executeUpdate();
        }
    }

    @Test
    void aSenderKilledMidDeliveryLosesNoMailAndRepeatsNoneMoreThanOnce() throws Exception {
        inbox.start();
        slowSmtp = new SlowLink(inbox.port(), SMTP_DELAY);
        String shared = " -Dmail.smtp.host=127.0.0.1 -Dmail.smtp.port=" + slowSmtp.port() + " -Dmail.smtp.security=none"
                + " -Dnotify.digest-seconds=0 -Dnotify.lease-seconds=" + LEASE_SECONDS
                + " -Dnotify.provider-outage-min-connections=1000000";
        second = PayaraInstance.start("second", Path.of(System.getProperty("storelink.second.log")),
                Integer.parseInt(System.getProperty("storelink.second.port")),
                System.getProperty("storelink.second.jvm") + shared
                        + " -Dhealth-check.enabled=true -Dhealth-check.interval-seconds=5 -Dhealth-check.lease-seconds=25",
                System.getProperty("storelink.second.options"));
        second.awaitReady(Duration.ofSeconds(120));
        TestConfig.set("mail.smtp.host", "127.0.0.1");
        TestConfig.set("mail.smtp.port", Integer.toString(slowSmtp.port()));
        TestConfig.set("mail.smtp.security", "none");
        TestConfig.set("notify.digest-seconds", "0");
        TestConfig.set("notify.lease-seconds", Integer.toString(LEASE_SECONDS));
        TestConfig.set("notify.provider-outage-min-connections", "1000000");
        TestConfig.set("health-check.lease-seconds", "25");
        TestConfig.healthChecksEvery(5);

        try (Connection db = database()) {
            TokenCipher cipher = new TokenCipher(Base64.getDecoder().decode(System.getProperty("storelink.test.token-key")));
            SeededConnections.insert(db, cipher, ID_BASE, OWNERS, Simulators.evotor(), null);
        }
        Waiting.upTo(Duration.ofSeconds(60), () -> count("SELECT COUNT(*) FROM connection_health WHERE service = 'evotor'"
                + " AND connection_id >= " + ID_BASE + " AND connection_id < " + (ID_BASE + OWNERS) + " AND checked_at IS NOT NULL") == OWNERS);
        LongStream.range(ID_BASE, ID_BASE + OWNERS).forEach(id -> Simulators.evotor().revokeAccountOf("seeded-store-" + id));

        long killedPid = second.pid();
        Waiting.upTo(Duration.ofSeconds(90), Duration.ofMillis(100), () -> delivered().size() >= OWNERS / 4
                && count("SELECT COUNT(*) FROM notification WHERE status = 'PENDING' AND lease_owner LIKE '" + killedPid + "/%'") > 0);
        long claimedByTheKilled = count("SELECT COUNT(*) FROM notification WHERE status = 'PENDING' AND lease_owner LIKE '" + killedPid + "/%'");
        second.kill();

        // The survivor takes the dead sender's rows once their lease has expired.
        Waiting.upTo(Duration.ofSeconds(120), Duration.ofMillis(250), () -> delivered().size() == OWNERS);
        Thread.sleep(Duration.ofSeconds(LEASE_SECONDS + 5).toMillis());

        Map<String, Long> perOwner = delivered();
        Map<String, Long> perMessageId = inbox.all().stream().filter(mail -> mail.to().startsWith("seeded-"))
                .collect(Collectors.groupingBy(Inbox.Received::messageId, Collectors.counting()));
        assertThat(claimedByTheKilled).as("rows the killed sender held").isPositive();
        assertThat(perOwner).as("every owner told: none lost").hasSize(OWNERS);
        assertThat(perOwner.values()).as("none told more than twice").allMatch(mails -> mails <= 2);
        assertThat(perMessageId.values()).as("a repetition is the same e-mail").allMatch(copies -> copies <= 2);
        long repeated = perOwner.values().stream().filter(mails -> mails == 2).count();
        assertThat(repeated).as("repeated: at most the killed sender's one e-mail in flight").isLessThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM notification WHERE status = 'PENDING' AND account_id >= " + ID_BASE
                + " AND account_id < " + (ID_BASE + OWNERS))).as("nothing left behind").isZero();
    }

    /** E-mails received per seeded owner. */
    private Map<String, Long> delivered() {
        return inbox.all().stream().map(Inbox.Received::to).filter(to -> to.startsWith("seeded-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static long count(String sql) {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("storelink.postgresql.url"), "storelink_it", "storelink_it");
    }
}
