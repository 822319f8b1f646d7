package com.healthadvisor.web.workbench;

import org.springframework.http.HttpStatus;
import com.healthadvisor.access.People;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in form (Spring Security checks what it posts), and the page a role is refused with. */
@Controller
class SignInPages {

    private final People people;

    SignInPages(People people) {
        this.people = people;
    }

    @GetMapping("/login")
    String signIn(Model model) {
        model.addAttribute("nobody", people.count() == 0);
        return "login";
    }

    /** Where a refused write lands, whatever its method: 403, with what the role may do instead. */
    @RequestMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied(Model model) {
        model.addAttribute("title", "Not for your role");
        model.addAttribute("message", "Your role may read here, not change anything: submitting numbers and "
                + "changing benchmarks or wording take an analyst, DRL an admin.");
        return "problem";
    }
}
