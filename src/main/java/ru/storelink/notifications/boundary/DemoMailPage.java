package ru.storelink.notifications.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.notifications.control.DemoMailbox;
import ru.storelink.notifications.control.Mailer;
import ru.storelink.notifications.entity.DemoMail;

/** {@code /demo/mail}: the signed-in owner's e-mails that demo mode kept instead of sending them. */
@Named
@RequestScoped
public class DemoMailPage {

    @Inject
    SignedInAccount account;

    @Inject
    DemoMailbox mailbox;

    @Inject
    Mailer mailer;

    @Inject
    CheckTimes times;

    private List<DemoMail> mails;

    public List<DemoMail> getMails() {
        if (mails == null) {
            mails = mailbox.of(account.id());
        }
        return mails;
    }

    public String sentAt(DemoMail mail) {
        return times.format(mail.getSentAt());
    }

    /** Whether new e-mails come here now (no SMTP server configured, demo mode). */
    public boolean isActive() {
        return mailer.route() == Mailer.Route.DEMO_MAILBOX;
    }
}
