package tw.smartgov.troad.central;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tw.smartgov.troad.identifier.ServiceId;

/** The public T-Road portal: every member's subsystems and services, with their OpenAPI documents. */
@CentralRole
@Controller
class CatalogController {
    private final Catalog catalog;
    private final Registry registry;

    CatalogController(Catalog catalog, Registry registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    @GetMapping("/troad/catalog")
    String catalog(Model model) {
        model.addAttribute("members", catalog.entries());
        return "troad/catalog";
    }

    /** The document exactly as registered, with the media type it was uploaded as. */
    @GetMapping("/troad/catalog/openapi")
    ResponseEntity<String> openApi(@RequestParam String service) {
        var document = registry.document(ServiceId.parse(service));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType() + ";charset=UTF-8"))
                .header("X-Content-Type-Options", "nosniff")
                .body(document.text());
    }
}
