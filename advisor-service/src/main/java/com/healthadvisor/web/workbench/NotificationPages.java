package com.healthadvisor.web.workbench;

import com.healthadvisor.notify.InvalidNotificationException;
import com.healthadvisor.notify.NoSuchNotificationException;
import com.healthadvisor.notify.Outbox;
import com.healthadvisor.notify.Quiet;
import com.healthadvisor.notify.Subscription;
import com.healthadvisor.notify.Subscriptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Notifications on the workbench, for analysts: who gets what (add and end subscriptions), what stays quiet
 * (silences), and the messages given up on, each with its error and a button to try it again.
 */
@Controller
class NotificationPages {

    private static final int DEAD_SHOWN = 50;

    private final Subscriptions subscriptions;
    private final Quiet quiet;
    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mail;

    NotificationPages(Subscriptions subscriptions, Quiet quiet, Outbox outbox, ObjectProvider<JavaMailSender> mail) {
        this.subscriptions = subscriptions;
        this.quiet = quiet;
        this.outbox = outbox;
        this.mail = mail;
    }

    @GetMapping("/notifications")
    String page(Model model) {
        model.addAttribute("subscriptions", subscriptions.all());
        model.addAttribute("silences", quiet.silences());
        model.addAttribute("dead", outbox.list(Outbox.DEAD, DEAD_SHOWN));
        model.addAttribute("backlog", outbox.backlog());
        model.addAttribute("mail", mail.getIfAvailable() != null);
        return "notifications";
    }

    @PostMapping("/notifications/subscriptions")
    String subscribe(@RequestParam String name, @RequestParam String channel, @RequestParam String target,
                     @RequestParam(required = false) String companies, @RequestParam(required = false) String minSeverity,
                     @RequestParam(required = false) String onHealthChange, Authentication analyst,
                     RedirectAttributes next) {
        if ("email".equals(channel) && mail.getIfAvailable() == null) {
            throw new InvalidNotificationException("E-mail needs an SMTP server: the operator starts the service "
                    + "with SPRING_MAIL_HOST and SPRING_MAIL_PORT set.");
        }
        List<String> covered = companies == null || companies.isBlank() ? null
                : Arrays.stream(companies.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        Subscription added = subscriptions.add(new Subscription.Request(name, channel, target, covered, null, null,
                null, minSeverity == null || minSeverity.isBlank() ? null : minSeverity, onHealthChange != null,
                false, null), analyst.getName());
        next.addFlashAttribute("done", "Subscribed " + added.name() + ".");
        if (added.secret() != null) {
            next.addFlashAttribute("secret", added.secret());
        }
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/subscriptions/{id}/delete")
    String unsubscribe(@PathVariable long id, RedirectAttributes next) {
        subscriptions.delete(id);
        next.addFlashAttribute("done", "The subscription has ended.");
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/silences")
    String silence(@RequestParam String company, @RequestParam String code, @RequestParam String until,
                   @RequestParam String reason, Authentication analyst, RedirectAttributes next) {
        LocalDate day;
        try {
            day = LocalDate.parse(until);
        } catch (RuntimeException e) {
            throw new InvalidNotificationException("until: a date, such as 2027-01-31.");
        }
        Quiet.Silence silence = quiet.silence(new Quiet.SilenceRequest(company.strip(), code.strip(),
                day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), reason), analyst.getName());
        next.addFlashAttribute("done", silence.code() + " at " + silence.company() + " is quiet until the end of "
                + day + ".");
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/silences/{id}/end")
    String endSilence(@PathVariable long id, RedirectAttributes next) {
        quiet.endSilence(id);
        next.addFlashAttribute("done", "The silence has ended.");
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/outbox/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes next) {
        outbox.retry(id);
        next.addFlashAttribute("done", "Message " + id + " is queued again; it goes within seconds.");
        return "redirect:/notifications";
    }

    /** A setting refused: the page again, with the reason, nothing changed. */
    @ExceptionHandler({InvalidNotificationException.class, NoSuchNotificationException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(RuntimeException e, Authentication me, Model model) {
        model.addAttribute("me", Me.of(me));
        model.addAttribute("refused", e.getMessage());
        return page(model);
    }
}
