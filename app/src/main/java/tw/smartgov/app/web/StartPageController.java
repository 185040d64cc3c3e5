package tw.smartgov.app.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what this node runs and where to go next. */
@Controller
class StartPageController {
    static final String VIEW = "start";
    private final String role;

    StartPageController(@Value("${smartgov.role:dev}") String role) {
        this.role = role;
    }

    @GetMapping("/")
    String show(Model model) {
        model.addAttribute("role", role);
        return VIEW;
    }
}
