package tw.smartgov.web;

import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** A module's pages as a module author writes them, to test the layout and every component. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(LayoutTestApplication.SamplePages.class)
class LayoutTestApplication {

    /** The form behind sample/form.html. */
    public static class SampleForm {
        private String name = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @Controller
    static class SamplePages {
        @GetMapping("/sample")
        String page(Model model) {
            var rows = new LinkedHashMap<String, String>();
            rows.put("成員 Member", "TW/GOV/MOI");
            rows.put("名稱 Name", "內政部");
            model.addAttribute("rows", rows);
            model.addAttribute("heads", List.of("服務 Service", "版本 Version"));
            model.addAttribute("cells", List.of(List.of("person-record", "1.2.0"), List.of("tax-record", "2.0")));
            return "sample/page";
        }

        @GetMapping("/sample/form")
        String form(@ModelAttribute("sampleForm") SampleForm form) {
            return "sample/form";
        }

        @PostMapping("/sample/form")
        String submit(@ModelAttribute("sampleForm") SampleForm form, BindingResult result, Model model) {
            if (form.getName().isBlank()) {
                result.rejectValue("name", "sample.name.required");
            }
            model.addAttribute("saved", !result.hasErrors());
            return "sample/form";
        }
    }
}
