package org.orglife.escalation;

import java.time.Duration;
import java.time.Instant;

import org.orglife.engine.EngineContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails of the notification outbox when {@code spring.mail.host} is set. Each row is
 * claimed before sending, so two nodes never send the same one; failures are retried a few times.
 */
@Component
@ConditionalOnProperty(name = "spring.mail.host")
public class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final Notifications notifications;
    private final JavaMailSender sender;
    private final String from;

    NotificationMailer(Notifications notifications, JavaMailSender sender,
            @Value("${orglife.mail.from:orglife@localhost}") String from) {
        this.notifications = notifications;
        this.sender = sender;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${orglife.mail.poll-interval:PT30S}")
    public void sendPending() {
        Instant now = EngineContext.now();
        for (Notifications.Outgoing mail : notifications.pendingMail(50, now.minus(Duration.ofMinutes(10)))) {
            if (!notifications.claim(mail.id(), now)) {
                continue;
            }
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.email());
                message.setSubject(mail.title());
                message.setText(mail.message());
                sender.send(message);
                notifications.sent(mail.id(), now);
            } catch (MailException e) {
                log.warn("mail to {} failed (attempt {}): {}", mail.email(), mail.attempts() + 1, e.getMessage());
                notifications.failed(mail.id(), mail.attempts() + 1);
            }
        }
    }
}
