package com.healthadvisor.web.workbench;

import com.healthadvisor.access.People;
import com.healthadvisor.access.Role;
import org.springframework.http.HttpStatus;
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

import java.util.Arrays;
import java.util.List;

/**
 * People on the workbench: an admin adds someone with a first password, gives them a role, disables or enables
 * them, or sets a password they forgot; everyone changes their own password on the Account page. The rules of
 * what may change (the last admin stays, the settings' people are the operator's) are {@link People}'s; each page
 * says what it did, and each change is listed below with who made it.
 */
@Controller
class UserPages {

    /** How many of the newest changes to people the users page lists. */
    private static final int CHANGES_SHOWN = 50;

    private final People people;

    UserPages(People people) {
        this.people = people;
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("people", people.everyone());
        model.addAttribute("changes", people.changes(CHANGES_SHOWN));
        model.addAttribute("roles", roles());
        return "users";
    }

    @PostMapping("/users")
    String add(@RequestParam String name, @RequestParam String role, @RequestParam String password,
               Authentication admin, RedirectAttributes next) {
        people.add(admin.getName(), name.strip(), roleOf(role), password);
        next.addFlashAttribute("done", "Added " + name.strip() + " as " + role + ". Give them the password; they "
                + "change it on their Account page.");
        return "redirect:/users";
    }

    /** One change to one person, named by the button pressed: {@code role}, {@code disable}, {@code enable}, {@code password}. */
    @PostMapping("/users/{name}")
    String change(@PathVariable String name, @RequestParam String change, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String password, Authentication admin, RedirectAttributes next) {
        String done = switch (change) {
            case "role" -> {
                people.setRole(admin.getName(), name, roleOf(role));
                yield name + " is now " + role + ".";
            }
            case "disable" -> {
                people.setDisabled(admin.getName(), name, true);
                yield name + " is disabled: they cannot sign in, and a session they had has ended.";
            }
            case "enable" -> {
                people.setDisabled(admin.getName(), name, false);
                yield name + " may sign in again.";
            }
            case "password" -> {
                people.setPassword(admin.getName(), name, password);
                yield name + "'s password is set. Give it to them; they change it on their Account page.";
            }
            default -> throw new People.PeopleException("There is no change called " + change + ".");
        };
        next.addFlashAttribute("done", done);
        return "redirect:/users";
    }

    @GetMapping("/account")
    String account(Authentication me, Model model) {
        model.addAttribute("fromSettings", people.inSettings(me.getName()));
        return "account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String current, @RequestParam String password, @RequestParam String repeat,
                          Authentication me, RedirectAttributes next) {
        if (!password.equals(repeat)) {
            throw new People.PeopleException("The new password and its repetition differ: nothing was changed.");
        }
        people.changeOwnPassword(me.getName(), current, password);
        next.addFlashAttribute("done", "Your password is changed.");
        return "redirect:/account";
    }

    /** A change refused: the page again, with the reason, and nothing changed. */
    @ExceptionHandler(People.PeopleException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(People.PeopleException e, Authentication me, Model model,
                   jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("me", Me.of(me));
        model.addAttribute("refused", e.getMessage());
        if (request.getRequestURI().startsWith("/account")) {
            return account(me, model);
        }
        return users(model);
    }

    private static Role roleOf(String word) {
        Role role = Role.of(word);
        if (role == null) {
            throw new People.PeopleException("A role is viewer, analyst or admin (was " + word + ").");
        }
        return role;
    }

    private static List<String> roles() {
        return Arrays.stream(Role.values()).map(Role::word).toList();
    }
}
