package tw.smartgov.troad.central;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public: the signed global configuration and the anchor that verifies it. */
@CentralRole
@RestController
class GlobalConfigurationController {
    static final MediaType JOSE = MediaType.parseMediaType("application/jose");

    private final GlobalConfigurationPublisher publisher;

    GlobalConfigurationController(GlobalConfigurationPublisher publisher) {
        this.publisher = publisher;
    }

    @GetMapping("/troad/globalconf")
    ResponseEntity<String> globalConfiguration() {
        var current = publisher.current();
        return ResponseEntity.ok()
                .contentType(JOSE)
                .cacheControl(CacheControl.noCache())
                .header(
                        "X-Troad-Globalconf-Version",
                        Long.toString(current.configuration().version()))
                .body(current.jws());
    }

    @GetMapping(path = "/troad/anchor.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> anchor() {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"anchor.json\"")
                .body(publisher.anchor().toJson());
    }
}
